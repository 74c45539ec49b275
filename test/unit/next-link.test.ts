import { describe, expect, it } from '@jest/globals';
import { trustedNextLinkSearch, UntrustedLinkError } from '../../src/healthcare/next-link.js';

const API = 'https://healthcare.googleapis.com/v1';
const PATH = 'projects/p/locations/us-central1/datasets/d/fhirStores/store1/fhir/Patient';
const GOOD = `${API}/${PATH}`;

/**
 * The cases of the toolbox's `TestValidateFHIRPageURL` and its security test, adapted: our server
 * accepts only the exact API root it is configured with and the exact list path it asked for.
 */
describe('trustedNextLinkSearch', () => {
  it.each([
    ['the plain link', `${GOOD}?_page_token=abc`, '?_page_token=abc'],
    ['an explicit default port', `https://healthcare.googleapis.com:443/v1/${PATH}?_count=10&_page_token=a`, '?_count=10&_page_token=a'],
    ['a trailing slash', `${GOOD}/?_page_token=abc`, '?_page_token=abc'],
    ['an upper-case scheme and host', `HTTPS://HEALTHCARE.GOOGLEAPIS.COM/v1/${PATH}?_page_token=abc`, '?_page_token=abc'],
    ['a link without a query', GOOD, ''],
  ])('accepts %s', (_what, link, search) => {
    expect(trustedNextLinkSearch(link, API, PATH)).toBe(search);
  });

  it.each([
    ['plain http', `http://healthcare.googleapis.com/v1/${PATH}?_page_token=a`],
    ['version v0', `https://healthcare.googleapis.com/v0/${PATH}`],
    ['version v1.0', `https://healthcare.googleapis.com/v1.0/${PATH}`],
    ['a missing version', `https://healthcare.googleapis.com/${PATH}`],
    ['another version (v1beta1)', `https://healthcare.googleapis.com/v1beta1/${PATH}`],
    ['another host', `https://evil.com/v1/${PATH}`],
    ['a look-alike host', `https://healthcare.googleapis.com.evil.com/v1/${PATH}`],
    ['userinfo before another host', `https://healthcare.googleapis.com@evil.com/v1/${PATH}`],
    ['credentials in the URL', `https://user:pass@healthcare.googleapis.com/v1/${PATH}`],
    ['the mTLS host (not the configured root)', `https://healthcare.mtls.googleapis.com/v1/${PATH}`],
    ['the metadata server', `http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token`],
    ['another project', `${API}/projects/other/locations/us-central1/datasets/d/fhirStores/store1/fhir/Patient`],
    ['another location', `${API}/projects/p/locations/europe-west4/datasets/d/fhirStores/store1/fhir/Patient`],
    ['another dataset', `${API}/projects/p/locations/us-central1/datasets/other/fhirStores/store1/fhir/Patient`],
    ['another store', `${API}/projects/p/locations/us-central1/datasets/d/fhirStores/store3/fhir/Patient`],
    ['another resource type', `${API}/projects/p/locations/us-central1/datasets/d/fhirStores/store1/fhir/Observation`],
    ['a DICOM store path', `${API}/projects/p/locations/us-central1/datasets/d/dicomStores/store1/dicomWeb/studies`],
    ['a traversal out of the store', `${GOOD}/../../../../fhirStores/store3/fhir/Patient`],
    ['a traversal to another project', `${API}/${PATH}/../../../../../../../../projects/x/locations/y/datasets/z/fhirStores/s/fhir/Patient`],
    ['an encoded traversal', `${API}/projects/p/locations/us-central1/datasets/d/fhirStores/store1/fhir/%2e%2e/Patient`],
    ['an encoded slash', `${API}/projects/p/locations/us-central1/datasets/d/fhirStores/store1%2Ffhir/Patient`],
    ['a path that is too short', `${API}/projects/p`],
    ['an access token in the query', `${GOOD}?_page_token=a&access_token=ya29.secret`],
    ['an API key in the query', `${GOOD}?key=AIza`],
    ['a relative URL', `/v1/${PATH}?_page_token=a`],
    ['the empty string', ''],
    ['a bare host name', 'google.com'],
  ])('refuses %s', (_what, link) => {
    expect(() => trustedNextLinkSearch(link, API, PATH)).toThrow(UntrustedLinkError);
  });

  it('works the same for a local emulator root', () => {
    const local = 'http://127.0.0.1:8089/v1';
    expect(trustedNextLinkSearch(`${local}/${PATH}?_page_token=x`, local, PATH)).toBe('?_page_token=x');
    expect(() => trustedNextLinkSearch(`http://127.0.0.1:8090/v1/${PATH}?_page_token=x`, local, PATH)).toThrow(UntrustedLinkError);
  });
});
