/**
 * Quality in the server: inspection plans per plant and material (optionally per supplier),
 * inspection lots sampled per ISO 2859-1 with the supplier's switching state, results per
 * characteristic and the usage decision, which releases or blocks the lot's quarantined stock;
 * nonconformance handling with MRB dispositions that post to stock and order rework ({@link
 * io.tianshu.quality.NonconformanceService}); 8D reports and QC circle projects ({@link
 * io.tianshu.quality.CapaService}).
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.tianshu.quality;
