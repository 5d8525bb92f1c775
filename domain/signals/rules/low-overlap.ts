import { computeOverlap, PARTNER_OVERLAP_DAYS } from "../../overlap.js";
import type { SiteFacts } from "../facts.js";
import { boundFact, countryText, highestCriticality, SOURCES } from "../format.js";
import type { SignalRule } from "../types.js";

/** Below one hour a day (or with no common working day) meetings barely fit: likelihood 4. */
export const SCARCE_OVERLAP_MINUTES = 60;

/** "1 h 30 min". */
export const durationText = (minutes: number) => {
  const m = Math.round(minutes);
  return m >= 60 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}` : `${m} min`;
};

const side = (s: SiteFacts) => ({ timeZone: s.timeZone, workingHours: s.workingHours, country: s.country });
const hoursText = (s: SiteFacts) =>
  `${s.workingHours.start}–${s.workingHours.end} ${s.timeZone}, ISO weekdays ${s.workingHours.days.join(",")}`;

/**
 * Rule 3: a partner site whose average working-time overlap per working day with the best of our
 * sites, over the next 30 days (holidays and DST included, as `GET /partners/:id/overlap`), is
 * under the bound. One signal per partner site; only when both sides have sites.
 *
 * Likelihood 4 under an hour a day or with no common working day, else 3. Impact one step below
 * the criticality scale (communication friction slows work rather than stopping it): 4 for a
 * partner serving a critical service, 3 important, 2 otherwise.
 *
 * Overlaps are cached per (partner site's zone, hours and country; our site) for the evaluation,
 * as many partner sites share hours and zones. The fingerprint holds the inputs (zones, hours,
 * countries, bound), not the 30-day average, which drifts with the calendar.
 */
export const lowOverlap: SignalRule = {
  id: "low_overlap",
  title: "Little working-time overlap with our sites",
  categoryKey: "communication_barriers",
  description:
    "A partner site shares on average less working time per working day than the bound with the best of our sites, over the next 30 days. Likelihood 4 under an hour (or no common working day), else 3; impact 4 if the partner serves a critical service, 3 important, 2 otherwise.",
  reads: ["partners", "sites", "services", "organizationSites"],
  bounds: ["overlapMinMinutes"],
  scope: "partner",
  evaluate(facts, bounds) {
    const ours = facts.organizationSites;
    if (ours.length === 0) return [];
    const bound = bounds.overlapMinMinutes;
    const cache = new Map<string, { average: number; workingDays: number }>();
    const overlap = (o: SiteFacts, t: SiteFacts) => {
      const key = `${o.id}|${t.timeZone}|${t.country}|${t.workingHours.start}|${t.workingHours.end}|${t.workingHours.days.join(",")}`;
      let r = cache.get(key);
      if (!r) {
        const full = computeOverlap(side(o), side(t), facts.today, PARTNER_OVERLAP_DAYS);
        r = { average: full.averageOverlapMinutesPerWorkingDay, workingDays: full.workingDays };
        cache.set(key, r);
      }
      return r;
    };
    return facts.partners.flatMap((p) =>
      p.sites.flatMap((site) => {
        const pairs = ours.map((o) => ({ o, ...overlap(o, site) }));
        const best = pairs.reduce((a, b) => (b.average > a.average ? b : a));
        if (!(best.average < bound)) return [];
        const top = highestCriticality(p.services);
        const scarce = best.workingDays === 0 || best.average < SCARCE_OVERLAP_MINUTES;
        const period = `over the ${PARTNER_OVERLAP_DAYS} days from ${facts.today}`;
        const average =
          best.workingDays === 0 ? "no common working day" : `${durationText(best.average)} per working day`;
        return [
          {
            subjectKey: `partner:${p.id}:site:${site.id}`,
            partnerId: p.id,
            serviceId: null,
            title: `${p.name}: little working-time overlap with site '${site.name}'`,
            likelihood: scarce ? 4 : 3,
            impact: top === "critical" ? 4 : top === "important" ? 3 : 2,
            explanation:
              `${p.name} (partner) site '${site.name}' in ${countryText(site.country)} works ${hoursText(site)}; ` +
              `the best of our sites, '${best.o.name}' (${hoursText(best.o)}), shares ${average} ${period}, ` +
              `under the bound of ${durationText(bound)}` +
              `${top ? `; the partner's most critical service is ${top}` : ""}.`,
            facts: [
              { label: `Partner site '${site.name}'`, value: hoursText(site), source: SOURCES.register },
              {
                label: `Our site '${best.o.name}' (best overlap)`,
                value: hoursText(best.o),
                source: SOURCES.ourSites,
              },
              {
                label: "Average overlap",
                value: `${average} ${period}`,
                source: "Outsight overlap calculation",
              },
              boundFact("Overlap bound", `at least ${durationText(bound)} per working day`),
            ],
            fingerprint: {
              site: side(site),
              ours: ours.map((o) => ({ id: o.id, ...side(o) })),
              bound,
              top,
            },
          },
        ];
      }),
    );
  },
};
