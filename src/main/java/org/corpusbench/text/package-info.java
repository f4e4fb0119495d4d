/**
 * English sentence and token boundaries from OpenNLP's models, with quotes and clitics split off as the
 * CoNLL-2003 data splits them: the tokenisation of the CoNLL and Hugging Face exports and of the
 * token-based baselines, in code-point offsets.
 */
package org.corpusbench.text;
