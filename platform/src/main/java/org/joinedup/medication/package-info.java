/** Medication at home: dose schedules from prescriptions, loaded into smart dispensers, doses taken and missed, adherence, and the carers' view. */
package org.joinedup.medication;
