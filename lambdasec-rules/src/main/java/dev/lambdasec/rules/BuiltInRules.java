package dev.lambdasec.rules;

import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.rules.apigw.ApiRouteRequiresAuthorization;
import dev.lambdasec.rules.apigw.HttpApiCorsRestrictsOrigins;
import dev.lambdasec.rules.apigw.RestMethodValidatesRequests;
import dev.lambdasec.rules.cloudtrail.TrailCoversAllRegions;
import dev.lambdasec.rules.cloudtrail.TrailIsEncryptedWithKms;
import dev.lambdasec.rules.cloudtrail.TrailValidatesLogFiles;
import dev.lambdasec.rules.iam.CrossAccountTrustRequiresExternalId;
import dev.lambdasec.rules.iam.ExecutionRoleHasNoBroadManagedPolicy;
import dev.lambdasec.rules.iam.ExecutionRoleTrustsOnlyLambda;
import dev.lambdasec.rules.iam.ExecutionRolesCannotChangeFunctions;
import dev.lambdasec.rules.iam.FunctionHasDedicatedRole;
import dev.lambdasec.rules.iam.KeyPolicyIsNotPublic;
import dev.lambdasec.rules.iam.PolicyAllowsNoUnscopedCredentialAccess;
import dev.lambdasec.rules.iam.PolicyAllowsNoUnscopedDataAccess;
import dev.lambdasec.rules.iam.PolicyAllowsNoUnscopedPermissionsManagement;
import dev.lambdasec.rules.iam.PolicyAllowsNoUnscopedWrites;
import dev.lambdasec.rules.iam.PolicyDocumentIsWellFormed;
import dev.lambdasec.rules.iam.PolicyDoesNotAllowByExclusion;
import dev.lambdasec.rules.iam.PolicyGrantsNoServiceWideWildcards;
import dev.lambdasec.rules.iam.PolicyGrantsNoWildcardAction;
import dev.lambdasec.rules.iam.PolicyScopesResourcesWherePossible;
import dev.lambdasec.rules.iam.PrincipalCannotEscalatePrivileges;
import dev.lambdasec.rules.iam.RoleGrantsNoAdministratorAccess;
import dev.lambdasec.rules.iam.TrustPolicyIsNotPublic;
import dev.lambdasec.rules.iam.WebIdentityTrustIsPinned;
import dev.lambdasec.rules.kms.KeyRotationIsEnabled;
import dev.lambdasec.rules.lambda.AsyncFunctionHasFailureDestination;
import dev.lambdasec.rules.lambda.CodeSigningIsEnforced;
import dev.lambdasec.rules.lambda.EnvironmentHasNoPlaintextSecrets;
import dev.lambdasec.rules.lambda.EnvironmentIsEncryptedWithCustomerKey;
import dev.lambdasec.rules.lambda.FunctionCanWriteItsLogs;
import dev.lambdasec.rules.lambda.FunctionHasActiveTracing;
import dev.lambdasec.rules.lambda.FunctionHasClassificationTag;
import dev.lambdasec.rules.lambda.FunctionHasReservedConcurrency;
import dev.lambdasec.rules.lambda.FunctionUrlCorsRestrictsOrigins;
import dev.lambdasec.rules.lambda.FunctionUrlRequiresIamAuth;
import dev.lambdasec.rules.lambda.LayersComeFromTrustedAccounts;
import dev.lambdasec.rules.lambda.ResourcePolicyGrantsOnlyKnownAccounts;
import dev.lambdasec.rules.lambda.ResourcePolicyIsNotPublic;
import dev.lambdasec.rules.lambda.RuntimeIsNotDeprecated;
import dev.lambdasec.rules.lambda.RuntimeIsNotNearDeprecation;
import dev.lambdasec.rules.lambda.ServicePermissionIsScopedToSource;
import dev.lambdasec.rules.lambda.VpcFunctionSpansAvailabilityZones;
import dev.lambdasec.rules.logs.LogGroupHasRetention;
import dev.lambdasec.rules.logs.LogGroupIsEncryptedWithCustomerKey;
import dev.lambdasec.rules.policy.InlineSuppressionsStateAReason;
import java.util.List;

/** The registry of built-in rules, in id order. A rule not listed here does not run. */
public final class BuiltInRules {

  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        new ApiRouteRequiresAuthorization(),
        new RestMethodValidatesRequests(),
        new HttpApiCorsRestrictsOrigins(),
        new TrailCoversAllRegions(),
        new TrailValidatesLogFiles(),
        new TrailIsEncryptedWithKms(),
        new RoleGrantsNoAdministratorAccess(),
        new PolicyGrantsNoServiceWideWildcards(),
        new PolicyScopesResourcesWherePossible(),
        new FunctionHasDedicatedRole(),
        new ExecutionRoleTrustsOnlyLambda(),
        new ExecutionRoleHasNoBroadManagedPolicy(),
        new TrustPolicyIsNotPublic(),
        new PolicyDoesNotAllowByExclusion(),
        new PolicyGrantsNoWildcardAction(),
        new PrincipalCannotEscalatePrivileges(),
        new PolicyAllowsNoUnscopedDataAccess(),
        new PolicyAllowsNoUnscopedCredentialAccess(),
        new PolicyAllowsNoUnscopedPermissionsManagement(),
        new PolicyAllowsNoUnscopedWrites(),
        new PolicyDocumentIsWellFormed(),
        new CrossAccountTrustRequiresExternalId(),
        new ExecutionRolesCannotChangeFunctions(),
        new WebIdentityTrustIsPinned(),
        new KeyPolicyIsNotPublic(),
        new KeyRotationIsEnabled(),
        new FunctionUrlRequiresIamAuth(),
        new FunctionUrlCorsRestrictsOrigins(),
        new ResourcePolicyIsNotPublic(),
        new ServicePermissionIsScopedToSource(),
        new EnvironmentHasNoPlaintextSecrets(),
        new EnvironmentIsEncryptedWithCustomerKey(),
        new CodeSigningIsEnforced(),
        new RuntimeIsNotDeprecated(),
        new LayersComeFromTrustedAccounts(),
        new VpcFunctionSpansAvailabilityZones(),
        new FunctionHasActiveTracing(),
        new FunctionCanWriteItsLogs(),
        new AsyncFunctionHasFailureDestination(),
        new FunctionHasClassificationTag(),
        new FunctionHasReservedConcurrency(),
        new RuntimeIsNotNearDeprecation(),
        new ResourcePolicyGrantsOnlyKnownAccounts(),
        new LogGroupHasRetention(),
        new LogGroupIsEncryptedWithCustomerKey(),
        new InlineSuppressionsStateAReason());
  }
}
