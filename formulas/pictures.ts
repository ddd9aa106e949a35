import * as coda from "@codahq/packs-sdk";

/** An SVG as the image data URL every picture of the pack returns, dark mode supported. */
export function svgImage(svg: string): string {
  return coda.SvgConstants.DataUrlPrefixWithDarkModeSupport + Buffer.from(svg, "utf8").toString("base64");
}
