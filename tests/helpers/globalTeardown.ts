export { teardown as default } from "./sharedChromium";
