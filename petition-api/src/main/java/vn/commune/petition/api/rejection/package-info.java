/**
 * Requests refused before any controller sees them, by Tomcat or by Spring Security's firewall,
 * and the error page Spring Boot forwards to: all answered in Problem Details like every other
 * error, with nothing of the request (a header's value, the path) written to the log.
 */
package vn.commune.petition.api.rejection;
