export default defineBackground(() => {
  // Wired in the background issue; the foundation only proves the worker loads.
});
