import { Group, Text } from "@mantine/core";
import {
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconFileZip,
  IconPhoto,
  IconPresentation,
  type IconProps,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import { type FileKind, fileKind } from "./files";

const ICONS: Record<FileKind, { icon: ComponentType<IconProps>; color: string }> = {
  pdf: { icon: IconFileTypePdf, color: "var(--mantine-color-red-6)" },
  image: { icon: IconPhoto, color: "var(--mantine-color-grape-6)" },
  sheet: { icon: IconFileSpreadsheet, color: "var(--mantine-color-green-7)" },
  doc: { icon: IconFileText, color: "var(--mantine-color-blue-6)" },
  slides: { icon: IconPresentation, color: "var(--mantine-color-orange-6)" },
  text: { icon: IconFileText, color: "var(--mantine-color-gray-6)" },
  archive: { icon: IconFileZip, color: "var(--mantine-color-yellow-7)" },
  other: { icon: IconFile, color: "var(--mantine-color-gray-6)" },
};

/**
 * A file name with an icon of its type, so PDFs and spreadsheets are told apart at a glance.
 * Spans, not divs and paragraphs: it also sits inside text, e.g. a page header's description.
 */
export function FileName(props: { fileName: string; contentType: string; maw?: number }) {
  const { icon: Icon, color } = ICONS[fileKind(props.contentType, props.fileName)];
  return (
    <Group component="span" gap={6} wrap="nowrap" maw={props.maw ?? 260}>
      <Icon size={18} color={color} style={{ flexShrink: 0 }} aria-hidden />
      <Text component="span" size="sm" truncate title={props.fileName}>
        {props.fileName}
      </Text>
    </Group>
  );
}
