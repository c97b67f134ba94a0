package io.atrium.client;

/**
 * What a customer is to the group, as the source systems' facts show it: a contract that was not cancelled
 * (BUYER), a lease or a unit rented (TENANT), a unit owned (OWNER) or lived in as family (FAMILY_MEMBER),
 * the contact person a company tenant's lease names (COMPANY_CONTACT), a membership not cancelled (MEMBER),
 * a call-center ticket (CALLER).
 */
public enum CustomerRole { BUYER, TENANT, OWNER, FAMILY_MEMBER, COMPANY_CONTACT, MEMBER, CALLER }
