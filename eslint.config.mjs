import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {ignores: ["node_modules/**", "dist/**", "build/**"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_"}],
      eqeqeq: ["error", "always", {null: "ignore"}],
      curly: ["error", "multi-line"],
      "no-restricted-properties": [
        "error",
        {object: "describe", property: "only"},
        {object: "it", property: "only"},
      ],
    },
  },
  {
    // Tests read synced rows loosely and reload the pack module to prove no state survives.
    files: ["test/**/*.ts"],
    rules: {"@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off"},
  },
  {
    files: ["src/**/*.ts", "formulas/**/*.ts", "schemas/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {name: "zod", message: "Import from zod/mini inside the pack to keep the bundle small."},
          ],
          patterns: [{group: ["node:*", "fs", "path", "http", "https", "os", "child_process"], message: "The Pack runtime is not Node."}],
        },
      ],
    },
  },
);
