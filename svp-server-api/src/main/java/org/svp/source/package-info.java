/** What a display source implements and what it may call: the contract between sources and the server. */
package org.svp.source;
