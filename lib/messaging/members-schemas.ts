// Who is in the team, for choosing an owner (the bulk bar's "Assign owner").
import { z } from 'zod';

export const MEMBERS_REQUESTS = [z.object({ type: z.literal('teamMembers') }).strict()] as const;

export const MEMBERS_QUERIES = ['teamMembers'] as const;
