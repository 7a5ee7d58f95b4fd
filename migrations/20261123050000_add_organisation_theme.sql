-- An organisation's own NL Design System design tokens (CSS custom properties such as
-- --utrecht-button-primary-action-background-color), checked by src/modules/organisations/calc/theme.ts
-- and served as /o/{slug}/huisstijl.css after the default theme. NULL: the default theme only.
ALTER TABLE organisation ADD COLUMN theme_tokens jsonb;
