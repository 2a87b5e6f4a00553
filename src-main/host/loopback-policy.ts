/**
 * Who may talk to the headless host: the loopback policy is shared with the agents' gateway and
 * lives in src-main/net; re-exported here for the host's callers.
 */
export { allowedHosts, allowedOrigins, isAllowedHost, isAllowedOrigin } from '../net/loopback-policy';
