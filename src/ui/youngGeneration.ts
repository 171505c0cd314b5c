// The app keeps V8's young generation at its first size (two semi-spaces of
// 1 MB) instead of letting it double under each burst of allocation up to
// 2 × 16 MB. A clerk's session allocates in bursts (the stores' read after
// the first frame, a search, an archive, a list) and most of what survives
// them is the office itself, which lives for the whole session anyway: a big
// young generation only holds more garbage, and V8 gives little of it back.
// Measured on the start-up bench's office (docs/architecture.md "Start-up",
// "Round 11 took it"): the bench's session peaked at 118 MB instead of 132,
// forty rounds of list, search, archive and history at 175 MB instead of
// 236, in the same time.
//
// Set at run time: the app is started as `jiuzhu`, with no flags of its
// own, and on Node 20 the same flag given on the command line made no
// difference (the young generation grew to 32 MB all the same). V8 reads
// the growth factor each time it would grow the young generation, so
// setting it first thing keeps it small from the start.
//
// Only the app, which merges no files itself: `sync once` and the daemon
// merge county files of 100,000 rows, whose records do survive the young
// generation's collections, and a small one made the 100k-row merge slower
// and bigger (24–26 s and 766–775 MB against 19.6 s and 702 MB).
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
