import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { ArticleHero } from "../article.schema.ts";
import { type UploadedImage, uploadedImageId } from "./image-queries.ts";

/** Where a variant of an uploaded picture is served: publicly once published, else only to the owner. */
export const variantUrl = (base: string, id: string, width: number, format: string) =>
  `${base}/${id}/${width}.${format}`;

/** The hero's address for a single-image use (social cards, JSON-LD). */
export function heroUrl(
  site: SiteContext,
  hero: ArticleHero,
  uploaded: UploadedImage | undefined,
  base = "/media",
) {
  const id = uploadedImageId(hero.src);
  if (!id) return site.assets.url(hero.src);
  const widest = uploaded?.widths.at(-1) ?? 0;
  return variantUrl(base, id, widest, "webp");
}

/** The article's picture: an uploaded one as AVIF and WebP at several widths, a content file as it is. */
export function HeroPicture(props: {
  site: SiteContext;
  hero: ArticleHero;
  uploaded: UploadedImage | undefined;
  base?: string;
}) {
  const { site, hero, uploaded, base = "/media" } = props;
  const id = uploadedImageId(hero.src);
  if (!id || !uploaded) {
    return <img src={heroUrl(site, hero, uploaded, base)} alt={hero.alt} width={1200} height={630} />;
  }
  const srcset = (format: string) =>
    uploaded.widths.map((w) => `${variantUrl(base, id, w, format)} ${w}w`).join(", ");
  const sizes = "(min-width: 50rem) 46rem, 100vw";
  return (
    <picture>
      <source type="image/avif" srcset={srcset("avif")} sizes={sizes} />
      <source type="image/webp" srcset={srcset("webp")} sizes={sizes} />
      <img
        src={heroUrl(site, hero, uploaded, base)}
        alt={hero.alt}
        width={uploaded.width}
        height={uploaded.height}
      />
    </picture>
  );
}
