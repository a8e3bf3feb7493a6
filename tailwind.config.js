/**
 * Tailwind v4 reads its theme from CSS (src/styles.css); this file is kept for editors and
 * tools that look for it, and is loaded from the stylesheet with @config.
 */
/** @type {import('tailwindcss').Config} */
export default {
  content: ["./index.html", "./src/**/*.{ts,tsx}"],
};
