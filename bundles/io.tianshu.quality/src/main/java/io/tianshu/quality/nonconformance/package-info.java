/**
 * The rules of nonconformance handling and corrective action, plain Java with no dependencies
 * beyond the core's field errors: the nonconformance lifecycle ({@link
 * io.tianshu.quality.nonconformance.NcLifecycle}), disposition lines with quantity conservation and
 * the MRB four-eyes rule ({@link io.tianshu.quality.nonconformance.DispositionRules}), 8D reports
 * with five-whys and the effectiveness check ({@link io.tianshu.quality.nonconformance.EightD}) and
 * the PDCA stages of QC circle projects ({@link io.tianshu.quality.nonconformance.Pdca}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.quality.nonconformance;
