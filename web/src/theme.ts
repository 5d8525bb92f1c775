import {
  Badge,
  Button,
  Card,
  createTheme,
  type MantineColorsTuple,
  Modal,
  Paper,
  Table,
  Tabs,
} from "@mantine/core";

/** Outsight indigo: calm and trustworthy, with enough contrast for white text from shade 5 up. */
const brand: MantineColorsTuple = [
  "#eef0ff",
  "#dcdefd",
  "#b6baf6",
  "#8e94f0",
  "#6c73ea",
  "#575ee7",
  "#4b52e6",
  "#3d43cd",
  "#353bb8",
  "#2a31a2",
];

const font =
  "'Inter Variable', Inter, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'";

/** The Mantine theme: one brand colour, Inter, soft radii and quiet borders. */
export const theme = createTheme({
  primaryColor: "brand",
  primaryShade: { light: 6, dark: 5 },
  colors: { brand },
  fontFamily: font,
  headings: { fontFamily: font, fontWeight: "650" },
  defaultRadius: "md",
  cursorType: "pointer",
  components: {
    Button: Button.extend({ defaultProps: { radius: "md" } }),
    Badge: Badge.extend({
      defaultProps: { radius: "sm", variant: "light" },
      styles: { root: { textTransform: "none" } },
    }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: "lg", padding: "lg" } }),
    Paper: Paper.extend({ defaultProps: { radius: "lg" } }),
    Modal: Modal.extend({
      defaultProps: { radius: "lg", centered: true, overlayProps: { backgroundOpacity: 0.4, blur: 2 } },
    }),
    Table: Table.extend({ defaultProps: { verticalSpacing: "sm", highlightOnHover: true } }),
    Tabs: Tabs.extend({ defaultProps: { keepMounted: false } }),
  },
});
