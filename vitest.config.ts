import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Fixture trees run through the real commands as child processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
