import { type Authorizer } from "./auth.js";
export declare const authorizeJwt: Authorizer;
