import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { CursorPager, type PagerProps } from "./CursorPager";
import { TableSkeleton } from "./States";

/**
 * A list page's table: the sortable head, the rows (a skeleton on first load, dimmed while the
 * next page or filter loads over the previous one) and the cursor pager (if any) underneath.
 */
export function PagedTable(props: {
  minWidth: number;
  head: ReactNode;
  /** Rows to show; ignored on first load. */
  children: ReactNode;
  firstLoad: boolean;
  /** Showing the previous answer while a new one loads. */
  stale: boolean;
  columns: number;
  /** Cursor paging; left out for short lists that come whole. */
  pager?: PagerProps;
}) {
  return (
    <>
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table className="data-table" style={{ opacity: props.stale ? 0.6 : 1, transition: "opacity 120ms" }}>
          {props.head}
          <Table.Tbody>
            {props.firstLoad ? <TableSkeleton rows={8} cols={props.columns} /> : props.children}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!props.firstLoad && props.pager && <CursorPager {...props.pager} />}
    </>
  );
}
