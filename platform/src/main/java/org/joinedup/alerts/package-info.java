/** Alerts: one mechanism for falls, medication and vital-sign alerts, routed, delivered live and by message, acknowledged, escalated and closed with an outcome. */
package org.joinedup.alerts;
