/** Monitoring at home and on virtual wards: vital signs scored by NEWS2 (RCP 2017) and screened for sepsis (NICE NG51). */
package org.joinedup.monitoring;
