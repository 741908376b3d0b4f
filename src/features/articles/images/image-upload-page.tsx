import { FieldFrame, FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { variantUrl } from "./hero-picture.tsx";
import { imageMessages as m } from "./messages.ts";

export type UploadForm = {
  values: { alt: string; credit: string };
  errors?: Partial<Record<"file" | "alt" | "credit", string>>;
  problem?: string | undefined;
};

export function ImageUploadPage(props: {
  site: SiteContext;
  token: string;
  images: { id: string; alt: string; credit: string; width: number }[];
  form: UploadForm;
  notice?: string | undefined;
}) {
  const { site, token, images, form, notice } = props;
  const fileError = form.errors?.file;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/articles">{m.backToArticles}</a>
        </p>
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <h2>{m.uploadHeading}</h2>
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action="/practice/articles/images"
          enctype="multipart/form-data"
          data-busy={m.busy}
          novalidate
        >
          <FormToken token={token} />
          <TextField
            name="alt"
            label={m.alt}
            hint={m.altHint}
            value={form.values.alt}
            error={form.errors?.alt}
          />
          <TextField
            name="credit"
            label={m.credit}
            hint={m.creditHint}
            value={form.values.credit}
            error={form.errors?.credit}
          />
          <FieldFrame id="field-file" label={m.file} error={fileError}>
            <input
              id="field-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              required
              aria-invalid={fileError ? "true" : undefined}
              aria-describedby={fileError ? "field-file-error" : undefined}
            />
          </FieldFrame>
          <p>
            <button class="button" type="submit">
              {m.upload}
            </button>
          </p>
        </form>
        {images.length === 0 && <p>{m.none}</p>}
        <ul class="client-list">
          {images.map((image) => (
            <li class="card stack" key={image.id}>
              <img
                src={variantUrl("/practice/articles/images", image.id, image.width, "webp")}
                alt={image.alt}
                width={240}
              />
              <span class="muted">{image.credit}</span>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
