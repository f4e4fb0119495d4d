/**
 * The application layer that puts baselines and evaluators together: the suite of baseline systems and
 * the leaderboard of a release, with its intervals. Above both {@code baseline} and {@code evaluation}.
 */
package org.corpusbench.leaderboard;
