import type { SitePair } from "./queries";
import { Timeline } from "./Timeline";

/** The day a pair's timeline shows: the first common working day with the most overlap, else the first day. */
export function sampleDay(pair: SitePair) {
  const working = pair.days.filter((d) => d.workingDay);
  if (working.length === 0) return pair.days[0];
  return working.reduce((best, d) => (d.overlapMinutes > best.overlapMinutes ? d : best), working[0]);
}

/** The 24-hour timeline of one site pair (ours as side a, the partner's as side b) on its sample day. */
export function PairTimeline({ pair }: { pair: SitePair }) {
  const ours = pair.organizationSite;
  const theirs = pair.partnerSite;
  const day = sampleDay(pair);
  if (!day) return null;
  return (
    <Timeline
      day={day}
      a={{ label: ours.name, timeZone: ours.timeZone, workingHours: ours.workingHours }}
      b={{ label: theirs.name, timeZone: theirs.timeZone, workingHours: theirs.workingHours }}
    />
  );
}
