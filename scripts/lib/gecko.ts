/** The Firefox add-on id (browser_specific_settings.gecko.id), shared by the build (vite.config.ts) and the Firefox driver. */
export const GECKO_ID = '{13aa6682-ae34-495e-bce5-f2a1dc3f843c}';
