/** Who may connect: the secrets the server accepts (passwords, one-time tickets) and the limit on failed attempts. */
package org.svp.server.auth;
