/** expand: people to users, contact methods and notification rules. */
import type {
  ContactMethodInputs,
  ContactMethodType,
  NotificationRuleInputs,
  UserInputs,
} from "../inputs";
import { RESOURCE_TYPES, ref, type ResourceSpec } from "../types";
import type { ContactMethod, Person } from "../../model/types";
import { DEFAULT_DESCRIPTION, names } from "./names";

export function contactMethodType(method: Pick<ContactMethod, "type">): ContactMethodType {
  switch (method.type) {
    case "phone":
      return "phone_contact_method";
    case "sms":
      return "sms_contact_method";
    case "email":
      return "email_contact_method";
  }
}

export function expandPerson(person: Person): ResourceSpec[] {
  const user: UserInputs = {
    name: person.name,
    email: person.email,
    role: person.role,
    timeZone: person.time_zone,
  };
  if (person.job_title !== undefined) user.jobTitle = person.job_title;
  user.description = person.description ?? DEFAULT_DESCRIPTION;
  const userName = names.user(person.id);
  const specs: ResourceSpec[] = [
    {
      kind: "user",
      type: RESOURCE_TYPES.user,
      name: userName,
      inputs: { ...user },
      source: person.origin,
    },
  ];

  for (const method of person.contact_methods) {
    const inputs: ContactMethodInputs = {
      userId: ref(userName),
      type: contactMethodType(method),
      label: method.label,
      address: method.normalisedAddress,
    };
    if (method.countryCode !== undefined) inputs.countryCode = method.countryCode;
    specs.push({
      kind: "contactMethod",
      type: RESOURCE_TYPES.contactMethod,
      name: names.contactMethod(person.id, method.id),
      inputs: { ...inputs },
      source: method.origin,
    });
  }

  for (const rule of person.notification_rules) {
    const method = person.contact_methods.find((m) => m.id === rule.contact_method);
    const contactMethod: NotificationRuleInputs["contactMethod"] = method
      ? { id: ref(names.contactMethod(person.id, method.id)), type: contactMethodType(method) }
      : { id: { lookup: "defaultEmail", user: ref(userName) }, type: "email_contact_method" };
    const inputs: NotificationRuleInputs = {
      userId: ref(userName),
      urgency: rule.urgency,
      // 0 is a real value (notify at once); it is written as 0, never left out (field case F11).
      startDelayInMinutes: rule.start_delay_minutes,
      contactMethod,
    };
    specs.push({
      kind: "notificationRule",
      type: RESOURCE_TYPES.notificationRule,
      name: names.notificationRule(
        person.id,
        rule.urgency,
        rule.contact_method,
        rule.start_delay_minutes,
      ),
      inputs: { ...inputs },
      source: rule.origin,
    });
  }
  return specs;
}
