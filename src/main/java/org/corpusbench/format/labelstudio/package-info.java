/**
 * Label Studio's JSON tasks for span labelling: annotations or predictions (pre-annotations), offsets in
 * code points (issue 17).
 */
package org.corpusbench.format.labelstudio;
