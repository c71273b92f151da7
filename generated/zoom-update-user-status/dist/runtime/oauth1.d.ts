import type { Authorizer } from "./auth.js";
export declare const authorizeOAuth1: Authorizer;
