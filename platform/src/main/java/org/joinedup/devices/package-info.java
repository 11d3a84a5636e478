/** The device gateway: registered devices (dispensers, falls lamps, vital-sign kits) send batches of events, kept once each and written to the record where clinical. */
package org.joinedup.devices;
