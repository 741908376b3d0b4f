// Words of the pictures page (/practice/articles/images), in one place so they can be translated later.
export const imageMessages = {
  title: "Pictures for articles",
  description: "Upload pictures for the practice's articles.",
  backToArticles: "All articles",
  intro:
    "Pictures are checked, resized and saved without their hidden details (such as where a photo was taken). Visitors can see a picture only once an article that uses it is published.",
  none: "No pictures have been uploaded yet.",
  uploadHeading: "Upload a picture",
  file: "Picture (JPEG, PNG, WebP, AVIF or GIF, up to 12 MB)",
  alt: "Description of the picture (alt text)",
  altHint: "What the picture shows, for people who cannot see it.",
  credit: "Credit",
  creditHint: "Who made the picture, or where it comes from.",
  upload: "Upload",
  busy: "Uploading…",
  uploaded: "The picture is uploaded. Choose it as an article's picture in the article's form.",
  choiceLabel: (alt: string) => `Uploaded: ${alt}`,
  problems: {
    notSaved: "Nothing was uploaded. Please look at the fields marked below.",
    missingFile: "Please choose a picture to upload.",
    notAnImage: "That file is not a picture Haven can read — please choose a JPEG, PNG, WebP, AVIF or GIF.",
    tooLarge: "That file is larger than 12 MB — please choose a smaller picture.",
    alt: "Every picture needs a description for people who cannot see it.",
    credit: "Please say who made the picture, or where it comes from.",
  },
};
