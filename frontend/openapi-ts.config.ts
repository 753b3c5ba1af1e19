import { defineConfig } from "@hey-api/openapi-ts";

// The SPA's API client is generated from the committed contract; never edit src/api/gen by hand.
export default defineConfig({
  input: "../openapi/openapi.json",
  output: { path: "src/api/gen" },
  plugins: [
    { name: "@hey-api/client-fetch", throwOnError: true },
    "@tanstack/react-query",
  ],
});
