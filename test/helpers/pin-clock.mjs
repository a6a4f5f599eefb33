// Test-only preload (node --import): the process's Date reads the instant the test chose, moving
// on with real time from there. RESTAURANT_MENU_TEST_CLOCK="<instant ms>:<test's Date.now() then>"
// has an effect only together with this preload, which only the tests load.
const [at, anchor] = (process.env.RESTAURANT_MENU_TEST_CLOCK ?? '').split(':').map(Number);
if (Number.isFinite(at) && Number.isFinite(anchor)) {
  const RealDate = Date;
  const offset = at - anchor;
  class PinnedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = PinnedDate;
}
