// `npm run format` / `npm run format:check`: the code's own style, written down. Single quotes and semicolons
// as everywhere; long lines as the code has them (printWidth 160: 363 lines were longer than 160 when this was
// set; 120 would have rewrapped 281 files, 160 rewraps 192, 200 rewraps 135). Files Prettier leaves alone
// are listed in .prettierignore (beside .gitignore, which it reads too).
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  semi: true,
  printWidth: 160,
};
