/**
 * Inter-annotator agreement: how far two or more annotation sets of the same documents agree, layer by
 * layer and type by type (issue 17). F1 between annotators reuses the evaluators' matching
 * ({@code eval.entity}, {@code eval.timex}, {@code eval.contradiction}); Cohen's and Fleiss' kappa and
 * Krippendorff's alpha for unitizing come from DKPro Statistics, the agreement code behind INCEpTION.
 * The results are records; rendering them (JSON, Markdown, HTML, a disagreement list) is separate from
 * computing them, and nothing here prints. The figures are defined in {@code docs/agreement.md}.
 */
package org.corpusbench.agreement;
