import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import postcssSimpleVars from "postcss-simple-vars";
import { defineConfig } from "vite";

/**
 * The web app lives in `web/` and builds into `dist/web`, which the server serves. In development
 * Vite proxies `/api` to the API on port 3000 so the session cookie stays same-origin.
 */
export default defineConfig({
  root: "web",
  plugins: [react()],
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            "mantine-breakpoint-xs": "36em",
            "mantine-breakpoint-sm": "48em",
            "mantine-breakpoint-md": "62em",
            "mantine-breakpoint-lg": "75em",
            "mantine-breakpoint-xl": "88em",
          },
        }),
      ],
    },
  },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Stable vendor chunks: they change less often than app code, so browsers keep them cached.
        codeSplitting: {
          groups: [
            // tslib is shared by zrender and Mantine's dependencies: claim it here first, or the zrender
            // group takes it along and the first page preloads the chart renderer.
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|tslib)[\\/]/, priority: 2 },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
            { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/ },
            // Only the dashboard loads these; zrender (ECharts' renderer) apart keeps both chunks small.
            { name: "echarts", test: /node_modules[\\/]echarts[\\/]/ },
            { name: "zrender", test: /node_modules[\\/]zrender[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
});
