import { canSeeCredit, hasRole, isPublic, isSelfOrParent, isSignedIn, noRefusedToken, type DocumentedRule } from './rules.js';

/**
 * The permission map: the single source of truth for who may read or call
 * what. Every field of every object type must be covered, by name or by the
 * type's '*'. Lists and connections are scoped in SQL by the services, never
 * denied here; only fields that would reveal a value are guarded per field.
 */
export const permissionMap: Record<string, Record<string, DocumentedRule>> = {
  Query: {
    node: isPublic, // scoped inside: null outside the viewer's subtree, and for anonymous viewers
    viewer: noRefusedToken,
    portal: isPublic,
    accounts: isSignedIn,
    account: isSignedIn,
  },
  Mutation: {
    login: isPublic,
    createAccount: hasRole('ADMIN'),
    createUser: hasRole('ADMIN'),
  },
  Viewer: { '*': isSignedIn },
  Account: {
    '*': isSignedIn,
    address: isSelfOrParent,
    contact: isSelfOrParent,
    credit: canSeeCredit,
  },
  // V1 lists users (emails included: the contract makes User.email non-null) for the account and its ancestors.
  User: { '*': isSignedIn },
  SellerProfile: { '*': isPublic },
  Portal: { '*': isPublic },
  Region: { '*': isPublic },
  Address: { '*': isPublic }, // guarded where it hangs (Account.address)
  Contact: { '*': isPublic }, // guarded where it hangs (Account.contact)
  Credit: { '*': isPublic }, // guarded where it hangs (Account.credit)
  Money: { '*': isPublic },
  PageInfo: { '*': isPublic },
  AccountConnection: { '*': isPublic },
  AccountEdge: { '*': isPublic },
  AccountPayload: { '*': isPublic },
  UserPayload: { '*': isPublic },
  LoginPayload: { '*': isPublic },
  UserError: { '*': isPublic },
};
