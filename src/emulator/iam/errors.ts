/** The errors IAM answers with, worded as Google's front end and IAM word them (reference §3.5, §6). */

import { ApiError } from '../errors.js';
import { errorReply, type Reply } from '../reply.js';

/**
 * 403 PERMISSION_DENIED. Also the answer for a resource that does not exist when the caller may not
 * see it, so the wording leaves existence open, as Google's does.
 */
export function permissionDenied(permission: string, resource: string): ApiError {
  return new ApiError(403, `Permission ${permission} denied on resource ${resource} (or it may be malformed or not exist)`);
}

/** 403 with Google's generic wording, for a method that names no permission (admins only). */
export function callerLacksPermission(): ApiError {
  return new ApiError(403, 'The caller does not have permission');
}

/** 409 ABORTED: the etag a `setIamPolicy` sent is not the current one. */
export function concurrentPolicyChange(): ApiError {
  return new ApiError(
    409,
    'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
    'ABORTED',
  );
}

/** Why a request could not be authenticated. */
export type AuthenticationFailure = 'missing' | 'invalid';

const UNAUTHENTICATED_MESSAGES: Readonly<Record<AuthenticationFailure, string>> = {
  missing:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  invalid:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
};

/** 401 UNAUTHENTICATED with the `WWW-Authenticate` challenge OAuth clients look for. */
export function unauthenticatedReply(failure: AuthenticationFailure): Reply {
  const reply = errorReply(new ApiError(401, UNAUTHENTICATED_MESSAGES[failure]));
  const realm = 'Bearer realm="https://accounts.google.com/"';
  const challenge = failure === 'invalid' ? `${realm}, error="invalid_token"` : realm;
  reply.headers = { ...reply.headers, 'www-authenticate': challenge };
  return reply;
}
