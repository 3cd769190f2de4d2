namespace ReferenceFlow.Domain.References;

public enum AccountStatus { Active, Caution, Paused, Retired }

public enum Seniority { IC, Manager, Director, VP, CLevel }

public enum Persona { Business, Technical, Executive }

public enum Activity { Call, SiteVisit, Quote, Logo, CaseStudy, AnalystCall, Press, Speaking, Webinar }
