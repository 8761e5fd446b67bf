/**
 * Hand-written validators for three authlete-bc9fa09 models, the yardstick of
 * `test/bench/validators.ts`: what a careful person writes when speed is all
 * that matters. Plain property reads and `typeof` checks, enum values in
 * Sets, one small loop helper per element kind. They do less than the
 * generated ones: no own-property checks (inherited properties count), no
 * strict mode, no issues, and exceptions from getters or proxies escape.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

const SUPPORTEDSNSE = new Set(["FACEBOOK"]);
const GRANTTYPE = new Set(["AUTHORIZATION_CODE", "IMPLICIT", "PASSWORD", "CLIENT_CREDENTIALS", "REFRESH_TOKEN", "CIBA", "DEVICE_CODE", "TOKEN_EXCHANGE", "JWT_BEARER", "PRE_AUTHORIZED_CODE"]);
const RESPONSETYPE = new Set(["NONE", "CODE", "TOKEN", "ID_TOKEN", "CODE_TOKEN", "CODE_ID_TOKEN", "ID_TOKEN_TOKEN", "CODE_ID_TOKEN_TOKEN"]);
const SERVICEPROFILE = new Set(["FAPI", "OPEN_BANKING"]);
const DISPLAY = new Set(["PAGE", "POPUP", "TOUCH", "WAP"]);
const CLIENTAUTHMETHOD = new Set(["NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "CLIENT_SECRET_JWT", "PRIVATE_KEY_JWT", "TLS_CLIENT_AUTH", "SELF_SIGNED_TLS_CLIENT_AUTH", "ATTEST_JWT_CLIENT_AUTH"]);
const JWSALG = new Set(["NONE", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "ES256K", "EdDSA"]);
const CLAIMTYPE = new Set(["NORMAL", "AGGREGATED", "DISTRIBUTED"]);
const DELIVERYMODE = new Set(["PING", "POLL", "PUSH"]);
const USERCODECHARSET = new Set(["BASE20", "NUMERIC"]);
const VERIFIEDCLAIMSVALIDATIONSCHEMA = new Set(["standard", "standard+id_document"]);
const ATTACHMENTTYPE = new Set(["EMBEDDED", "EXTERNAL"]);
const CLIENTREGISTRATIONTYPE = new Set(["AUTOMATIC", "EXPLICIT"]);
const PROMPT = new Set(["NONE", "LOGIN", "CONSENT", "SELECT_ACCOUNT", "CREATE"]);
const FAPIMODE = new Set(["FAPI1_ADVANCED", "FAPI1_BASELINE", "FAPI2_MESSAGE_SIGNING_AUTH_REQ", "FAPI2_MESSAGE_SIGNING_AUTH_RES", "FAPI2_MESSAGE_SIGNING_INTROSPECTION_RES", "FAPI2_SECURITY"]);
const ACTION = new Set(["SERVER_ERROR", "NO_ACTION", "NOTIFICATION"]);

function isObject(v: unknown): v is any {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function strings(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== "string") return false;
  return true;
}

function members(x: unknown, values: Set<unknown>): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!values.has(x[i])) return false;
  return true;
}

function objects(x: unknown, is: (v: unknown) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!is(x[i])) return false;
  return true;
}

export function is_pair(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.key) !== undefined && typeof x !== "string") return false;
  if ((x = v.value) !== undefined && typeof x !== "string") return false;
  return true;
}

function is_taggedvalue(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.tag) !== undefined && typeof x !== "string") return false;
  if ((x = v.value) !== undefined && typeof x !== "string") return false;
  return true;
}

function is_snscredentials(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.sns) !== undefined && typeof x !== "string") return false;
  if ((x = v.apiKey) !== undefined && typeof x !== "string") return false;
  if ((x = v.apiSecret) !== undefined && typeof x !== "string") return false;
  return true;
}

function is_nameduri(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.name) !== undefined && typeof x !== "string") return false;
  if ((x = v.uri) !== undefined && typeof x !== "string") return false;
  return true;
}

function is_scope(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.name) !== undefined && typeof x !== "string") return false;
  if ((x = v.defaultEntry) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.description) !== undefined && typeof x !== "string") return false;
  if ((x = v.descriptions) !== undefined && !objects(x, is_taggedvalue)) return false;
  if ((x = v.attributes) !== undefined && !objects(x, is_pair)) return false;
  return true;
}

function is_hsk(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.kty) !== undefined && typeof x !== "string") return false;
  if ((x = v.use) !== undefined && typeof x !== "string") return false;
  if ((x = v.kid) !== undefined && typeof x !== "string") return false;
  if ((x = v.hsmName) !== undefined && typeof x !== "string") return false;
  if ((x = v.handle) !== undefined && typeof x !== "string") return false;
  if ((x = v.publicKey) !== undefined && typeof x !== "string") return false;
  if ((x = v.alg) !== undefined && typeof x !== "string") return false;
  return true;
}

function is_trustanchor(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.entityId) !== undefined && typeof x !== "string") return false;
  if ((x = v.jwks) !== undefined && typeof x !== "string") return false;
  return true;
}

function isCredentialIssuerMetadata(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.authorizationServers) !== undefined && !strings(x)) return false;
  if ((x = v.credentialIssuer) !== undefined && typeof x !== "string") return false;
  if ((x = v.credentialEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.batchCredentialEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.deferredCredentialEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.credentialsSupported) !== undefined && typeof x !== "string") return false;
  if ((x = v.credentialResponseEncryptionAlgValuesSupported) !== undefined && !strings(x)) return false;
  if ((x = v.credentialResponseEncryptionEncValuesSupported) !== undefined && !strings(x)) return false;
  if ((x = v.requireCredentialResponseEncryption) !== undefined && typeof x !== "boolean") return false;
  return true;
}

function isAuthorizationDetailsElement(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if (typeof v.type !== "string") return false;
  if ((x = v.locations) !== undefined && !strings(x)) return false;
  if ((x = v.actions) !== undefined && !strings(x)) return false;
  if ((x = v.dataTypes) !== undefined && !strings(x)) return false;
  if ((x = v.identifier) !== undefined && typeof x !== "string") return false;
  if ((x = v.privileges) !== undefined && !strings(x)) return false;
  if ((x = v.otherFields) !== undefined && typeof x !== "string") return false;
  return true;
}

function isAuthzDetails(v: unknown): boolean {
  if (!isObject(v)) return false;
  const x = v.elements;
  return x === undefined || objects(x, isAuthorizationDetailsElement);
}

export function isPair(v: unknown): boolean {
  return is_pair(v);
}

export function isBackchannelAuthenticationCompleteResponse(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.resultCode) !== undefined && typeof x !== "string") return false;
  if ((x = v.resultMessage) !== undefined && typeof x !== "string") return false;
  if ((x = v.action) !== undefined && !ACTION.has(x)) return false;
  if ((x = v.responseContent) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientId) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.clientIdAlias) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientIdAliasUsed) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.clientName) !== undefined && typeof x !== "string") return false;
  if ((x = v.deliveryMode) !== undefined && !DELIVERYMODE.has(x)) return false;
  if ((x = v.clientNotificationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientNotificationToken) !== undefined && typeof x !== "string") return false;
  if ((x = v.authReqId) !== undefined && typeof x !== "string") return false;
  if ((x = v.accessToken) !== undefined && typeof x !== "string") return false;
  if ((x = v.refreshToken) !== undefined && typeof x !== "string") return false;
  if ((x = v.idToken) !== undefined && typeof x !== "string") return false;
  if ((x = v.accessTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.refreshTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.idTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.jwtAccessToken) !== undefined && typeof x !== "string") return false;
  if ((x = v.resources) !== undefined && !strings(x)) return false;
  if ((x = v.authorizationDetails) !== undefined && !isAuthzDetails(x)) return false;
  if ((x = v.serviceAttributes) !== undefined && !objects(x, is_pair)) return false;
  if ((x = v.clientAttributes) !== undefined && !objects(x, is_pair)) return false;
  if ((x = v.grantId) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientEntityId) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientEntityIdUsed) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.metadataDocumentLocation) !== undefined && typeof x !== "string") return false;
  if ((x = v.metadataDocumentUsed) !== undefined && typeof x !== "boolean") return false;
  return true;
}

export function isService(v: unknown): boolean {
  if (!isObject(v)) return false;
  let x;
  if ((x = v.number) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.serviceName) !== undefined && typeof x !== "string") return false;
  if ((x = v.issuer) !== undefined && typeof x !== "string") return false;
  if ((x = v.description) !== undefined && typeof x !== "string") return false;
  if ((x = v.apiKey) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.apiSecret) !== undefined && typeof x !== "string") return false;
  if ((x = v.tokenBatchNotificationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.clientAssertionAudRestrictedToIssuer) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.serviceOwnerNumber) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.clientsPerDeveloper) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.developerAuthenticationCallbackEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.developerAuthenticationCallbackApiKey) !== undefined && typeof x !== "string") return false;
  if ((x = v.developerAuthenticationCallbackApiSecret) !== undefined && typeof x !== "string") return false;
  if ((x = v.supportedSnses) !== undefined && !members(x, SUPPORTEDSNSE)) return false;
  if ((x = v.snsCredentials) !== undefined && !objects(x, is_snscredentials)) return false;
  if ((x = v.clientIdAliasEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.metadata) !== undefined && !objects(x, is_pair)) return false;
  if ((x = v.createdAt) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.modifiedAt) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.authenticationCallbackEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.authenticationCallbackApiKey) !== undefined && typeof x !== "string") return false;
  if ((x = v.authenticationCallbackApiSecret) !== undefined && typeof x !== "string") return false;
  if ((x = v.supportedAcrs) !== undefined && !strings(x)) return false;
  if ((x = v.supportedGrantTypes) !== undefined && !members(x, GRANTTYPE)) return false;
  if ((x = v.supportedResponseTypes) !== undefined && !members(x, RESPONSETYPE)) return false;
  if ((x = v.supportedAuthorizationDetailsTypes) !== undefined && !strings(x)) return false;
  if ((x = v.supportedServiceProfiles) !== undefined && !members(x, SERVICEPROFILE)) return false;
  if ((x = v.errorDescriptionOmitted) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.errorUriOmitted) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.authorizationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.directAuthorizationEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedUiLocales) !== undefined && !strings(x)) return false;
  if ((x = v.supportedDisplays) !== undefined && !members(x, DISPLAY)) return false;
  if ((x = v.pkceRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.pkceS256Required) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.authorizationResponseDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.tokenEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.directTokenEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedTokenAuthMethods) !== undefined && !members(x, CLIENTAUTHMETHOD)) return false;
  if ((x = v.missingClientIdAllowed) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.revocationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.directRevocationEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedRevocationAuthMethods) !== undefined && !members(x, CLIENTAUTHMETHOD)) return false;
  if ((x = v.introspectionEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.directIntrospectionEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedIntrospectionAuthMethods) !== undefined && !members(x, CLIENTAUTHMETHOD)) return false;
  if ((x = v.pushedAuthReqEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.pushedAuthReqDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.parRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.requestObjectRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.traditionalRequestObjectProcessingApplied) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.mutualTlsValidatePkiCertChain) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.trustedRootCertificates) !== undefined && !strings(x)) return false;
  if ((x = v.mtlsEndpointAliases) !== undefined && !objects(x, is_nameduri)) return false;
  if ((x = v.accessTokenType) !== undefined && typeof x !== "string") return false;
  if ((x = v.tlsClientCertificateBoundAccessTokens) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.accessTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.singleAccessTokenPerSubject) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.accessTokenSignAlg) !== undefined && !JWSALG.has(x)) return false;
  if ((x = v.accessTokenSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.refreshTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.refreshTokenDurationKept) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.refreshTokenDurationReset) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.refreshTokenKept) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedScopes) !== undefined && !objects(x, is_scope)) return false;
  if ((x = v.scopeRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.idTokenDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.allowableClockSkew) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.supportedClaimTypes) !== undefined && !members(x, CLAIMTYPE)) return false;
  if ((x = v.supportedClaimLocales) !== undefined && !strings(x)) return false;
  if ((x = v.supportedClaims) !== undefined && !strings(x)) return false;
  if ((x = v.claimShortcutRestrictive) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.jwksUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.directJwksEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.jwks) !== undefined && typeof x !== "string") return false;
  if ((x = v.idTokenSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.userInfoSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.authorizationSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.userInfoEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.directUserInfoEndpointEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.dynamicRegistrationSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.registrationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.registrationManagementEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.policyUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.tosUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.serviceDocumentation) !== undefined && typeof x !== "string") return false;
  if ((x = v.backchannelAuthenticationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.supportedBackchannelTokenDeliveryModes) !== undefined && !members(x, DELIVERYMODE)) return false;
  if ((x = v.backchannelAuthReqIdDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.backchannelPollingInterval) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.backchannelUserCodeParameterSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.backchannelBindingMessageRequiredInFapi) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.deviceAuthorizationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.deviceVerificationUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.deviceVerificationUriComplete) !== undefined && typeof x !== "string") return false;
  if ((x = v.deviceFlowCodeDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.deviceFlowPollingInterval) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.userCodeCharset) !== undefined && !USERCODECHARSET.has(x)) return false;
  if ((x = v.userCodeLength) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.supportedTrustFrameworks) !== undefined && !strings(x)) return false;
  if ((x = v.supportedEvidence) !== undefined && !strings(x)) return false;
  if ((x = v.supportedIdentityDocuments) !== undefined && !strings(x)) return false;
  if ((x = v.supportedVerificationMethods) !== undefined && !strings(x)) return false;
  if ((x = v.supportedVerifiedClaims) !== undefined && !strings(x)) return false;
  if ((x = v.verifiedClaimsValidationSchemaSet) !== undefined && !VERIFIEDCLAIMSVALIDATIONSCHEMA.has(x)) return false;
  if ((x = v.attributes) !== undefined && !objects(x, is_pair)) return false;
  if ((x = v.nbfOptional) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.issSuppressed) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedCustomClientMetadata) !== undefined && !strings(x)) return false;
  if ((x = v.tokenExpirationLinked) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.frontChannelRequestObjectEncryptionRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.requestObjectEncryptionAlgMatchRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.requestObjectEncryptionEncMatchRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.hsmEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.hsks) !== undefined && !objects(x, is_hsk)) return false;
  if ((x = v.grantManagementEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.grantManagementActionRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.unauthorizedOnClientConfigSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.dcrScopeUsedAsRequestable) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.endSessionEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.loopbackRedirectionUriVariable) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.requestObjectAudienceChecked) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.accessTokenForExternalAttachmentEmbedded) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.authorityHints) !== undefined && !strings(x)) return false;
  if ((x = v.federationEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.federationJwks) !== undefined && typeof x !== "string") return false;
  if ((x = v.federationSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.federationConfigurationDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.federationRegistrationEndpoint) !== undefined && typeof x !== "string") return false;
  if ((x = v.organizationName) !== undefined && typeof x !== "string") return false;
  if ((x = v.predefinedTransformedClaims) !== undefined && typeof x !== "string") return false;
  if ((x = v.refreshTokenIdempotent) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.signedJwksUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.supportedAttachments) !== undefined && !members(x, ATTACHMENTTYPE)) return false;
  if ((x = v.supportedDigestAlgorithms) !== undefined && !strings(x)) return false;
  if ((x = v.supportedDocuments) !== undefined && !strings(x)) return false;
  if ((x = v.supportedDocumentsMethods) !== undefined && !strings(x)) return false;
  if ((x = v.supportedDocumentsValidationMethods) !== undefined && !strings(x)) return false;
  if ((x = v.supportedDocumentsVerificationMethods) !== undefined && !strings(x)) return false;
  if ((x = v.supportedElectronicRecords) !== undefined && !strings(x)) return false;
  if ((x = v.supportedClientRegistrationTypes) !== undefined && !members(x, CLIENTREGISTRATIONTYPE)) return false;
  if ((x = v.tokenExchangeByIdentifiableClientsOnly) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.tokenExchangeByConfidentialClientsOnly) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.tokenExchangeByPermittedClientsOnly) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.tokenExchangeEncryptedJwtRejected) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.tokenExchangeUnsignedJwtRejected) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.jwtGrantByIdentifiableClientsOnly) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.jwtGrantEncryptedJwtRejected) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.jwtGrantUnsignedJwtRejected) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.dcrDuplicateSoftwareIdBlocked) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.trustAnchors) !== undefined && !objects(x, is_trustanchor)) return false;
  if ((x = v.openidDroppedOnRefreshWithoutOfflineAccess) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.supportedDocumentsCheckMethods) !== undefined && !strings(x)) return false;
  if ((x = v.rsResponseSigned) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cnonceDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.dpopNonceRequired) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.verifiableCredentialsEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.credentialJwksUri) !== undefined && typeof x !== "string") return false;
  if ((x = v.credentialOfferDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.dpopNonceDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.preAuthorizedGrantAnonymousAccessSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.credentialTransactionDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.introspectionSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.resourceSignatureKeyId) !== undefined && typeof x !== "string") return false;
  if ((x = v.userPinLength) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.supportedPromptValues) !== undefined && !members(x, PROMPT)) return false;
  if ((x = v.idTokenReissuable) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.credentialJwks) !== undefined && typeof x !== "string") return false;
  if ((x = v.fapiModes) !== undefined && !members(x, FAPIMODE)) return false;
  if ((x = v.credentialDuration) !== undefined && !Number.isFinite(x)) return false;
  if ((x = v.credentialIssuerMetadata) !== undefined && !isCredentialIssuerMetadata(x)) return false;
  if ((x = v.idTokenAudType) !== undefined && typeof x !== "string") return false;
  if ((x = v.nativeSsoSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.oid4vciVersion) !== undefined && typeof x !== "string") return false;
  if ((x = v.cimdMetadataPolicyEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.clientIdMetadataDocumentSupported) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cimdAllowlistEnabled) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cimdAllowlist) !== undefined && !strings(x)) return false;
  if ((x = v.cimdAlwaysRetrieved) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cimdHttpPermitted) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cimdQueryPermitted) !== undefined && typeof x !== "boolean") return false;
  if ((x = v.cimdMetadataPolicy) !== undefined && typeof x !== "string") return false;
  if ((x = v.httpAliasProhibited) !== undefined && typeof x !== "boolean") return false;
  return true;
}

/** By model id, for the bench. */
export const HANDWRITTEN: Record<string, (v: unknown) => boolean> = {
  pair: isPair,
  backchannelauthenticationcompleteresponse: isBackchannelAuthenticationCompleteResponse,
  service: isService,
};
