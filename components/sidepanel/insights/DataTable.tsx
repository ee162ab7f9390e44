import type { ComponentChildren } from 'preact';

export interface Column {
  key: string;
  label: string;
}

export interface TableRow {
  key: string;
  /** The row's header cell (a stage name, a reason). */
  head: ComponentChildren;
  cells: Record<string, ComponentChildren>;
}

/** A chart's numbers. Rows and cells carry data-row / data-col so tests and styles need no positions. */
export function DataTable({
  labelledBy,
  corner,
  columns,
  rows,
}: {
  labelledBy: string;
  corner: string;
  columns: Column[];
  rows: TableRow[];
}) {
  return (
    <div class="table-scroll">
      <table aria-labelledby={labelledBy} class="numbers">
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.head}</th>
              {columns.map((c) => (
                <td key={c.key} data-col={c.key}>
                  {r.cells[c.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
