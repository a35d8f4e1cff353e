export { setup as default } from "./sharedChromium";
