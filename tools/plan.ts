/**
 * `npm run plan -- [program-dir] [options]`: the offline plan of a program in this repository. A thin call of
 * the `cloudrun-lb plan` command (components/cli), so the repository and users' installs run the same code.
 */
import { runAndExit } from "../components/cli/main";

runAndExit(["plan", ...process.argv.slice(2)]);
