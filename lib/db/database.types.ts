export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      cadences: {
        Row: {
          change_seq: number
          created_at: string
          created_by: string | null
          deleted_at: string | null
          description: string | null
          field_hlc: NonNullable<Json>
          id: string
          name: string
          steps: NonNullable<Json>
          team_id: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description?: string | null
          field_hlc?: NonNullable<Json>
          id?: string
          name: string
          steps?: NonNullable<Json>
          team_id: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          description?: string | null
          field_hlc?: NonNullable<Json>
          id?: string
          name?: string
          steps?: NonNullable<Json>
          team_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "cadences_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      companies: {
        Row: {
          change_seq: number
          created_at: string
          created_by: string | null
          deleted_at: string | null
          field_hlc: NonNullable<Json>
          followers: number | null
          headquarters: string | null
          id: string
          industry: string | null
          linkedin_slug: string | null
          name: string
          size: string | null
          team_id: string
          updated_at: string
          website: string | null
        }
        Insert: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          field_hlc?: NonNullable<Json>
          followers?: number | null
          headquarters?: string | null
          id?: string
          industry?: string | null
          linkedin_slug?: string | null
          name: string
          size?: string | null
          team_id: string
          updated_at?: string
          website?: string | null
        }
        Update: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          field_hlc?: NonNullable<Json>
          followers?: number | null
          headquarters?: string | null
          id?: string
          industry?: string | null
          linkedin_slug?: string | null
          name?: string
          size?: string | null
          team_id?: string
          updated_at?: string
          website?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "companies_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      erasures: {
        Row: {
          change_seq: number
          created_at: string
          erased_at: string
          id: string
          team_id: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          created_at?: string
          erased_at?: string
          id: string
          team_id: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          created_at?: string
          erased_at?: string
          id?: string
          team_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "erasures_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      follow_ups: {
        Row: {
          assignee_id: string | null
          cadence_id: string | null
          cadence_step: number | null
          change_seq: number
          channel: Database["public"]["Enums"]["touch_channel"] | null
          created_at: string
          created_by: string | null
          deleted_at: string | null
          done_at: string | null
          due_at: string
          field_hlc: NonNullable<Json>
          id: string
          note: string | null
          prospect_id: string
          snoozed_until: string | null
          team_id: string
          title: string
          updated_at: string
        }
        Insert: {
          assignee_id?: string | null
          cadence_id?: string | null
          cadence_step?: number | null
          change_seq?: number
          channel?: Database["public"]["Enums"]["touch_channel"] | null
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          done_at?: string | null
          due_at: string
          field_hlc?: NonNullable<Json>
          id?: string
          note?: string | null
          prospect_id: string
          snoozed_until?: string | null
          team_id: string
          title: string
          updated_at?: string
        }
        Update: {
          assignee_id?: string | null
          cadence_id?: string | null
          cadence_step?: number | null
          change_seq?: number
          channel?: Database["public"]["Enums"]["touch_channel"] | null
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          done_at?: string | null
          due_at?: string
          field_hlc?: NonNullable<Json>
          id?: string
          note?: string | null
          prospect_id?: string
          snoozed_until?: string | null
          team_id?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "follow_ups_team_id_assignee_id_fkey"
            columns: ["team_id", "assignee_id"]
            isOneToOne: false
            referencedRelation: "team_members"
            referencedColumns: ["team_id", "user_id"]
          },
          {
            foreignKeyName: "follow_ups_team_id_cadence_id_fkey"
            columns: ["team_id", "cadence_id"]
            isOneToOne: false
            referencedRelation: "cadences"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "follow_ups_team_id_prospect_id_fkey"
            columns: ["team_id", "prospect_id"]
            isOneToOne: false
            referencedRelation: "prospects"
            referencedColumns: ["team_id", "id"]
          },
        ]
      }
      prospect_emails: {
        Row: {
          email: string
          prospect_id: string
          team_id: string
        }
        Insert: {
          email: string
          prospect_id: string
          team_id: string
        }
        Update: {
          email?: string
          prospect_id?: string
          team_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "prospect_emails_team_id_prospect_id_fkey"
            columns: ["team_id", "prospect_id"]
            isOneToOne: false
            referencedRelation: "prospects"
            referencedColumns: ["team_id", "id"]
          },
        ]
      }
      prospects: {
        Row: {
          cadence_enrolment: Json | null
          change_seq: number
          company: string | null
          company_id: string | null
          created_at: string
          created_by: string | null
          currency: string | null
          deal_value: number | null
          deleted_at: string | null
          emails: string[]
          expected_close: string | null
          field_hlc: NonNullable<Json>
          headline: string | null
          id: string
          linkedin_member_id: string | null
          linkedin_slug: string | null
          linkedin_url: string | null
          location: string | null
          lost_reason: string | null
          merged_into: string | null
          mql_at: string | null
          name: string
          owner_id: string | null
          photo_url: string | null
          score: number
          score_adjustment: number
          score_breakdown: NonNullable<Json>
          source: Database["public"]["Enums"]["prospect_source"]
          sql_at: string | null
          sql_checklist: NonNullable<Json>
          stage_change_id: string | null
          stage_entered_at: string | null
          stage_id: string | null
          team_id: string
          temperature: Database["public"]["Enums"]["temperature"]
          temperature_override:
            | Database["public"]["Enums"]["temperature"]
            | null
          title: string | null
          updated_at: string
        }
        Insert: {
          cadence_enrolment?: Json | null
          change_seq?: number
          company?: string | null
          company_id?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string | null
          deal_value?: number | null
          deleted_at?: string | null
          emails?: string[]
          expected_close?: string | null
          field_hlc?: NonNullable<Json>
          headline?: string | null
          id?: string
          linkedin_member_id?: string | null
          linkedin_slug?: string | null
          linkedin_url?: string | null
          location?: string | null
          lost_reason?: string | null
          merged_into?: string | null
          mql_at?: string | null
          name: string
          owner_id?: string | null
          photo_url?: string | null
          score?: number
          score_adjustment?: number
          score_breakdown?: NonNullable<Json>
          source: Database["public"]["Enums"]["prospect_source"]
          sql_at?: string | null
          sql_checklist?: NonNullable<Json>
          stage_change_id?: string | null
          stage_entered_at?: string | null
          stage_id?: string | null
          team_id: string
          temperature?: never
          temperature_override?:
            | Database["public"]["Enums"]["temperature"]
            | null
          title?: string | null
          updated_at?: string
        }
        Update: {
          cadence_enrolment?: Json | null
          change_seq?: number
          company?: string | null
          company_id?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string | null
          deal_value?: number | null
          deleted_at?: string | null
          emails?: string[]
          expected_close?: string | null
          field_hlc?: NonNullable<Json>
          headline?: string | null
          id?: string
          linkedin_member_id?: string | null
          linkedin_slug?: string | null
          linkedin_url?: string | null
          location?: string | null
          lost_reason?: string | null
          merged_into?: string | null
          mql_at?: string | null
          name?: string
          owner_id?: string | null
          photo_url?: string | null
          score?: number
          score_adjustment?: number
          score_breakdown?: NonNullable<Json>
          source?: Database["public"]["Enums"]["prospect_source"]
          sql_at?: string | null
          sql_checklist?: NonNullable<Json>
          stage_change_id?: string | null
          stage_entered_at?: string | null
          stage_id?: string | null
          team_id?: string
          temperature?: never
          temperature_override?:
            | Database["public"]["Enums"]["temperature"]
            | null
          title?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "prospects_company_id_fkey"
            columns: ["team_id", "company_id"]
            isOneToOne: false
            referencedRelation: "companies"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "prospects_merged_into_fkey"
            columns: ["team_id", "merged_into"]
            isOneToOne: false
            referencedRelation: "prospects"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "prospects_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "prospects_team_id_owner_id_fkey"
            columns: ["team_id", "owner_id"]
            isOneToOne: false
            referencedRelation: "team_members"
            referencedColumns: ["team_id", "user_id"]
          },
          {
            foreignKeyName: "prospects_team_id_stage_id_fkey"
            columns: ["team_id", "stage_id"]
            isOneToOne: false
            referencedRelation: "stages"
            referencedColumns: ["team_id", "id"]
          },
        ]
      }
      stage_changes: {
        Row: {
          change_seq: number
          changed_at: string
          changed_by: string | null
          created_at: string
          from_stage_id: string | null
          id: string
          note: string | null
          prospect_id: string
          team_id: string
          to_stage_id: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          changed_at?: string
          changed_by?: string | null
          created_at?: string
          from_stage_id?: string | null
          id?: string
          note?: string | null
          prospect_id: string
          team_id: string
          to_stage_id: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          changed_at?: string
          changed_by?: string | null
          created_at?: string
          from_stage_id?: string | null
          id?: string
          note?: string | null
          prospect_id?: string
          team_id?: string
          to_stage_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "stage_changes_team_id_from_stage_id_fkey"
            columns: ["team_id", "from_stage_id"]
            isOneToOne: false
            referencedRelation: "stages"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "stage_changes_team_id_prospect_id_fkey"
            columns: ["team_id", "prospect_id"]
            isOneToOne: false
            referencedRelation: "prospects"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "stage_changes_team_id_to_stage_id_fkey"
            columns: ["team_id", "to_stage_id"]
            isOneToOne: false
            referencedRelation: "stages"
            referencedColumns: ["team_id", "id"]
          },
        ]
      }
      stages: {
        Row: {
          change_seq: number
          created_at: string
          created_by: string | null
          deleted_at: string | null
          field_hlc: NonNullable<Json>
          id: string
          key: string
          kind: Database["public"]["Enums"]["stage_kind"]
          name: string | null
          position: number
          stale_days: number | null
          team_id: string
          updated_at: string
          win_probability: number
        }
        Insert: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          field_hlc?: NonNullable<Json>
          id?: string
          key: string
          kind?: Database["public"]["Enums"]["stage_kind"]
          name?: string | null
          position?: number
          stale_days?: number | null
          team_id: string
          updated_at?: string
          win_probability?: number
        }
        Update: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          field_hlc?: NonNullable<Json>
          id?: string
          key?: string
          kind?: Database["public"]["Enums"]["stage_kind"]
          name?: string | null
          position?: number
          stale_days?: number | null
          team_id?: string
          updated_at?: string
          win_probability?: number
        }
        Relationships: [
          {
            foreignKeyName: "stages_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      team_invites: {
        Row: {
          code_hash: string
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          role: Database["public"]["Enums"]["team_role"]
          team_id: string
          used_at: string | null
          used_by: string | null
        }
        Insert: {
          code_hash: string
          created_at?: string
          created_by?: string | null
          expires_at: string
          id?: string
          role: Database["public"]["Enums"]["team_role"]
          team_id: string
          used_at?: string | null
          used_by?: string | null
        }
        Update: {
          code_hash?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          role?: Database["public"]["Enums"]["team_role"]
          team_id?: string
          used_at?: string | null
          used_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "team_invites_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      team_members: {
        Row: {
          change_seq: number
          created_at: string
          deleted_at: string | null
          display_name: string | null
          email: string | null
          joined_at: string
          role: Database["public"]["Enums"]["team_role"]
          team_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          change_seq?: number
          created_at?: string
          deleted_at?: string | null
          display_name?: string | null
          email?: string | null
          joined_at?: string
          role?: Database["public"]["Enums"]["team_role"]
          team_id: string
          updated_at?: string
          user_id: string
        }
        Update: {
          change_seq?: number
          created_at?: string
          deleted_at?: string | null
          display_name?: string | null
          email?: string | null
          joined_at?: string
          role?: Database["public"]["Enums"]["team_role"]
          team_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "team_members_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: false
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      team_settings: {
        Row: {
          cadence_due_rule: string
          change_seq: number
          created_at: string
          default_currency: string
          field_hlc: NonNullable<Json>
          lost_reasons: Json | null
          mql_threshold: number
          scoring_rules: NonNullable<Json>
          targets: NonNullable<Json>
          team_id: string
          updated_at: string
        }
        Insert: {
          cadence_due_rule?: string
          change_seq?: number
          created_at?: string
          default_currency?: string
          field_hlc?: NonNullable<Json>
          lost_reasons?: Json | null
          mql_threshold?: number
          scoring_rules?: NonNullable<Json>
          targets?: NonNullable<Json>
          team_id: string
          updated_at?: string
        }
        Update: {
          cadence_due_rule?: string
          change_seq?: number
          created_at?: string
          default_currency?: string
          field_hlc?: NonNullable<Json>
          lost_reasons?: Json | null
          mql_threshold?: number
          scoring_rules?: NonNullable<Json>
          targets?: NonNullable<Json>
          team_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "team_settings_team_id_fkey"
            columns: ["team_id"]
            isOneToOne: true
            referencedRelation: "teams"
            referencedColumns: ["id"]
          },
        ]
      }
      teams: {
        Row: {
          change_seq: number
          created_at: string
          created_by: string | null
          id: string
          name: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      touches: {
        Row: {
          change_seq: number
          channel: Database["public"]["Enums"]["touch_channel"]
          created_at: string
          created_by: string | null
          deleted_at: string | null
          direction: Database["public"]["Enums"]["touch_direction"]
          engagement: string | null
          follow_up_id: string | null
          id: string
          note: string | null
          occurred_at: string
          prospect_id: string
          team_id: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          channel: Database["public"]["Enums"]["touch_channel"]
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          direction?: Database["public"]["Enums"]["touch_direction"]
          engagement?: string | null
          follow_up_id?: string | null
          id?: string
          note?: string | null
          occurred_at?: string
          prospect_id: string
          team_id: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          channel?: Database["public"]["Enums"]["touch_channel"]
          created_at?: string
          created_by?: string | null
          deleted_at?: string | null
          direction?: Database["public"]["Enums"]["touch_direction"]
          engagement?: string | null
          follow_up_id?: string | null
          id?: string
          note?: string | null
          occurred_at?: string
          prospect_id?: string
          team_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "touches_team_id_follow_up_id_fkey"
            columns: ["team_id", "follow_up_id"]
            isOneToOne: false
            referencedRelation: "follow_ups"
            referencedColumns: ["team_id", "id"]
          },
          {
            foreignKeyName: "touches_team_id_prospect_id_fkey"
            columns: ["team_id", "prospect_id"]
            isOneToOne: false
            referencedRelation: "prospects"
            referencedColumns: ["team_id", "id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      create_invite: {
        Args: {
          role?: Database["public"]["Enums"]["team_role"]
          team_id: string
          valid_hours?: number
        }
        Returns: {
          code: string
          expires_at: string
        }[]
      }
      create_team: { Args: { name: string }; Returns: string }
      erase_prospect: {
        Args: { prospect_id: string; team_id: string }
        Returns: undefined
      }
      join_team: { Args: { code: string }; Returns: string }
      leave_team: { Args: { team_id: string }; Returns: undefined }
      my_teams: {
        Args: Record<PropertyKey, never>
        Returns: {
          joined_at: string
          member_count: number
          name: string
          role: Database["public"]["Enums"]["team_role"]
          team_id: string
        }[]
      }
      remove_member: {
        Args: { team_id: string; user_id: string }
        Returns: undefined
      }
      restore_prospect: {
        Args: { prospect_id: string; team_id: string }
        Returns: undefined
      }
      set_member_role: {
        Args: {
          role: Database["public"]["Enums"]["team_role"]
          team_id: string
          user_id: string
        }
        Returns: undefined
      }
      sync_pull: {
        Args: { lim?: number; since?: number; team_id: string }
        Returns: Json
      }
      sync_push: { Args: { changes: Json; team_id: string }; Returns: Json }
    }
    Enums: {
      prospect_source:
        | "cold_call"
        | "cold_email"
        | "social_selling"
        | "inbound_form"
        | "content_download"
        | "chatbot"
        | "social_engagement"
        | "referral"
        | "event"
        | "email"
      stage_kind: "open" | "won" | "lost"
      team_role: "owner" | "admin" | "rep"
      temperature: "cold" | "warm"
      touch_channel:
        | "linkedin_message"
        | "connection_request"
        | "email"
        | "call"
        | "meeting"
        | "note"
        | "social_engagement"
      touch_direction: "out" | "in"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      prospect_source: [
        "cold_call",
        "cold_email",
        "social_selling",
        "inbound_form",
        "content_download",
        "chatbot",
        "social_engagement",
        "referral",
        "event",
        "email",
      ],
      stage_kind: ["open", "won", "lost"],
      team_role: ["owner", "admin", "rep"],
      temperature: ["cold", "warm"],
      touch_channel: [
        "linkedin_message",
        "connection_request",
        "email",
        "call",
        "meeting",
        "note",
        "social_engagement",
      ],
      touch_direction: ["out", "in"],
    },
  },
} as const

