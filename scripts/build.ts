import {buildBundle, BundleLimitBytes} from "./bundle";

const size = buildBundle();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
if (size > BundleLimitBytes) {
  console.error(
    `The pack bundle is ${kb(size)}, over the ${kb(BundleLimitBytes)} budget. Find what grew with the source map in dist/.`,
  );
  process.exit(1);
}
console.log(`Pack bundle: ${kb(size)} (budget ${kb(BundleLimitBytes)}).`);
