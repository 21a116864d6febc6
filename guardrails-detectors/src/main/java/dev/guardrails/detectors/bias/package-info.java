/**
 * Biased-phrasing detection: {@link dev.guardrails.detectors.bias.BiasDetector}.
 *
 * <h2>Lexicon format (version 1)</h2>
 * The lexicon is the project's own set of UTF-8 tab-separated files in this package's resources:
 * {@code lexicon-core.tsv} (hand-curated), {@code lexicon-holistic.tsv} (derived from the HolisticBias
 * descriptors, CC BY-SA 4.0) and {@code lexicon-retext.tsv} (derived from retext-equality, MIT), read
 * in that order; for a form listed twice the first enabled row wins. Lines starting with {@code #}
 * are comments. Each row has seven columns:
 * <ol>
 *   <li><b>forms</b>: {@code |}-separated surface forms; words separated by spaces (a hyphen equals a
 *       space; a trailing possessive {@code 's} is ignored); a word ending in {@code +n} also matches
 *       its plural (chairman+n: chairmen), one ending in {@code +v} its verb forms (man+v: mans,
 *       manned, manning). Matching is case-insensitive.</li>
 *   <li><b>category</b>: the finding type name under {@code BIAS} (GENDERED, ABLEIST, AGEIST,
 *       RACIAL_ETHNIC, LGBTQ, RELIGION, DISABILITY, SOCIOECONOMIC, CONDESCENDING,
 *       EXCLUSIONARY_TECH_TERM).</li>
 *   <li><b>severity</b>: {@code low} (score 0.35), {@code medium} (0.6) or {@code high} (0.85).</li>
 *   <li><b>suggestions</b>: up to three {@code |}-separated neutral replacements, best first.</li>
 *   <li><b>note</b>: the short explanation reported as the finding's message.</li>
 *   <li><b>conditions</b>: comma-separated: {@code off} (kept for reference, never matched),
 *       {@code allow} (a neutral phrase that consumes its words without a finding, e.g. "he or
 *       she", "lame duck"), {@code opt:roles}, {@code opt:pronouns}, {@code opt:coded} (only with the
 *       matching builder switch).</li>
 *   <li><b>source</b>: where the row comes from ({@code own}, {@code retext:<file>},
 *       {@code holisticbias:<axis>}).</li>
 * </ol>
 * {@code groups.tsv} lists group terms for the generalization rule (phrase, group kind; a leading
 * {@code @} marks a singular noun used after a/every/any) and {@code traits.txt} trait words.
 */
package dev.guardrails.detectors.bias;
