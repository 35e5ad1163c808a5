<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Temperature (°F)</source>
        <translation>Temperature (°F)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Heart rate (/min)</source>
        <translation>Heart rate (/min)</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>Respiratory rate (/min)</translation>
    </message>
    <message>
        <source>Systolic BP (mmHg)</source>
        <translation>Systolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic BP (mmHg)</source>
        <translation>Diastolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Mean BP (mmHg)</source>
        <translation>Mean BP (mmHg)</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>Hypotension confirmed</source>
        <translation>Hypotension confirmed</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Flow (L/min)</source>
        <translation>Flow (L/min)</translation>
    </message>
    <message>
        <source>For comfort only</source>
        <translation>For comfort only</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
    <message>
        <source>Fluid</source>
        <translation>Fluid</translation>
    </message>
    <message>
        <source>Value (as entered)</source>
        <translation>Value (as entered)</translation>
    </message>
    <message>
        <source>Unit (as entered)</source>
        <translation>Unit (as entered)</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>Level of consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>Motor findings</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>Imaging result</source>
        <translation>Imaging result</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>IEC-HS grade (CSCO-2024 §4.3.2)</source>
        <translation>IEC-HS grade (CSCO-2024 §4.3.2)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Correct a record (amendment)</source>
        <translation>Correct a record (amendment)</translation>
    </message>
    <message>
        <source>Correcting %1 of %2, entered by %3</source>
        <translation>Correcting %1 of %2, entered by %3</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>why is it corrected? (required)</source>
        <translation>why is it corrected? (required)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Author of the correction: %1</source>
        <translation>Author of the correction: %1</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>a correction needs a reason</source>
        <translation>a correction needs a reason</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The protocol file in the settings could not be used; the default protocol (CSCO-2024) stays in force.

%1</source>
        <translation>The protocol file in the settings could not be used; the default protocol (CSCO-2024) stays in force.

%1</translation>
    </message>
    <message>
        <source>cartox_desk: protocol</source>
        <translation>cartox_desk: protocol</translation>
    </message>
    <message>
        <source>cartox_desk: database</source>
        <translation>cartox_desk: database</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1

Check the --db path or CARTOX_DATABASE_URL, or ask IT.</source>
        <translation>The database could not be opened:
%1

Check the --db path or CARTOX_DATABASE_URL, or ask IT.</translation>
    </message>
</context>
<context>
    <name>AssessmentSaveFlow</name>
    <message>
        <source>Assessment not saved</source>
        <translation>Assessment not saved</translation>
    </message>
    <message>
        <source>The assessment was not saved:
%1</source>
        <translation>The assessment was not saved:
%1</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Cannot be assessed… (C)</source>
        <translation>Cannot be assessed… (C)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>◂ Back (Backspace)</source>
        <translation>◂ Back (Backspace)</translation>
    </message>
    <message>
        <source>Next ▸ (Enter)</source>
        <translation>Next ▸ (Enter)</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>Ask: “%1”</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(not set: enter it in Settings)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Ask each question; 1 = correct, 0 = wrong.</source>
        <translation>Ask each question; 1 = correct, 0 = wrong.</translation>
    </message>
    <message>
        <source>What year is it?</source>
        <translation>What year is it?</translation>
    </message>
    <message>
        <source>What month is it?</source>
        <translation>What month is it?</translation>
    </message>
    <message>
        <source>What city are we in?</source>
        <translation>What city are we in?</translation>
    </message>
    <message>
        <source>(answer: %1)</source>
        <translation>(answer: %1)</translation>
    </message>
    <message>
        <source>What is the name of this hospital?</source>
        <translation>What is the name of this hospital?</translation>
    </message>
    <message>
        <source>clock</source>
        <translation>clock</translation>
    </message>
    <message>
        <source>pen</source>
        <translation>pen</translation>
    </message>
    <message>
        <source>button</source>
        <translation>button</translation>
    </message>
    <message>
        <source>Naming</source>
        <translation>Naming</translation>
    </message>
    <message>
        <source>Point to each picture and ask: “What is this?”</source>
        <translation>Point to each picture and ask: “What is this?”</translation>
    </message>
    <message>
        <source>Following commands</source>
        <translation>Following commands</translation>
    </message>
    <message>
        <source>Ask the patient to follow a command:</source>
        <translation>Ask the patient to follow a command:</translation>
    </message>
    <message>
        <source>“Show me 2 fingers” or “Close your eyes and stick out your tongue”</source>
        <translation>“Show me 2 fingers” or “Close your eyes and stick out your tongue”</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Ask the patient to write this standard sentence:</source>
        <translation>Ask the patient to write this standard sentence:</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Ask the patient to count backwards from 100 by 10:</source>
        <translation>Ask the patient to count backwards from 100 by 10:</translation>
    </message>
    <message>
        <source>100, 90, 80, 70, 60, 50, 40, 30, 20, 10</source>
        <translation>100, 90, 80, 70, 60, 50, 40, 30, 20, 10</translation>
    </message>
    <message>
        <source>Developmental anchor:</source>
        <translation>Developmental anchor:</translation>
    </message>
    <message>
        <source>awake but cannot speak or understand (global aphasia)</source>
        <translation>awake but cannot speak or understand (global aphasia)</translation>
    </message>
    <message>
        <source>cannot be roused (unarousable)</source>
        <translation>cannot be roused (unarousable)</translation>
    </message>
    <message>
        <source>sedated: record as not assessed, no score</source>
        <translation>sedated: record as not assessed, no score</translation>
    </message>
    <message>
        <source>cannot be roused</source>
        <translation>cannot be roused</translation>
    </message>
    <message>
        <source>Cannot be assessed</source>
        <translation>Cannot be assessed</translation>
    </message>
    <message>
        <source>Why can the assessment not be done?</source>
        <translation>Why can the assessment not be done?</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>Level of consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Any seizure since the last assessment?</source>
        <translation>Any seizure since the last assessment?</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>Motor findings</translation>
    </message>
    <message>
        <source>Deep focal motor weakness (hemiparesis, paraparesis)?</source>
        <translation>Deep focal motor weakness (hemiparesis, paraparesis)?</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>Signs of raised intracranial pressure or cerebral edema?</source>
        <translation>Signs of raised intracranial pressure or cerebral edema?</translation>
    </message>
    <message>
        <source>Finish ✓ (Enter)</source>
        <translation>Finish ✓ (Enter)</translation>
    </message>
    <message>
        <source>Answer every item first, or choose “Cannot be assessed” (C).</source>
        <translation>Answer every item first, or choose “Cannot be assessed” (C).</translation>
    </message>
    <message>
        <source>%1 not assessed (sedated): no score</source>
        <translation>%1 not assessed (sedated): no score</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>ICE cannot be done: aphasia (awake)</translation>
    </message>
    <message>
        <source>%1 cannot be done: cannot be roused</source>
        <translation>%1 cannot be done: cannot be roused</translation>
    </message>
    <message>
        <source>no signs of raised ICP</source>
        <translation>no signs of raised ICP</translation>
    </message>
    <message>
        <source>ICANS not assessed</source>
        <translation>ICANS not assessed</translation>
    </message>
    <message>
        <source>%1 from baseline (%2)</source>
        <translation>%1 from baseline (%2)</translation>
    </message>
    <message>
        <source>%1 from the previous assessment (%2)</source>
        <translation>%1 from the previous assessment (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>no score</translation>
    </message>
    <message>
        <source>running total %1 / %2 so far</source>
        <translation>running total %1 / %2 so far</translation>
    </message>
</context>
<context>
    <name>BinaryItemsStep</name>
    <message>
        <source>[1] correct</source>
        <translation>[1] correct</translation>
    </message>
    <message>
        <source>[0] wrong</source>
        <translation>[0] wrong</translation>
    </message>
</context>
<context>
    <name>CapdItems</name>
    <message>
        <source>Does the child make eye contact with the caregiver?</source>
        <translation>Does the child make eye contact with the caregiver?</translation>
    </message>
    <message>
        <source>Are the child&apos;s actions purposeful?</source>
        <translation>Are the child&apos;s actions purposeful?</translation>
    </message>
    <message>
        <source>Is the child aware of his/her surroundings?</source>
        <translation>Is the child aware of his/her surroundings?</translation>
    </message>
    <message>
        <source>Does the child communicate needs and wants?</source>
        <translation>Does the child communicate needs and wants?</translation>
    </message>
    <message>
        <source>Is the child restless?</source>
        <translation>Is the child restless?</translation>
    </message>
    <message>
        <source>Is the child inconsolable?</source>
        <translation>Is the child inconsolable?</translation>
    </message>
    <message>
        <source>Is the child underactive — very little movement while awake?</source>
        <translation>Is the child underactive — very little movement while awake?</translation>
    </message>
    <message>
        <source>Does it take the child a long time to respond to interactions?</source>
        <translation>Does it take the child a long time to respond to interactions?</translation>
    </message>
    <message>
        <source>eye contact</source>
        <translation>eye contact</translation>
    </message>
    <message>
        <source>purposeful actions</source>
        <translation>purposeful actions</translation>
    </message>
    <message>
        <source>aware of surroundings</source>
        <translation>aware of surroundings</translation>
    </message>
    <message>
        <source>communicates needs and wants</source>
        <translation>communicates needs and wants</translation>
    </message>
    <message>
        <source>restless</source>
        <translation>restless</translation>
    </message>
    <message>
        <source>inconsolable</source>
        <translation>inconsolable</translation>
    </message>
    <message>
        <source>underactive</source>
        <translation>underactive</translation>
    </message>
    <message>
        <source>slow to respond</source>
        <translation>slow to respond</translation>
    </message>
    <message>
        <source>newborn</source>
        <translation>newborn</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 weeks</translation>
    </message>
    <message>
        <source>6 weeks</source>
        <translation>6 weeks</translation>
    </message>
    <message>
        <source>8 weeks</source>
        <translation>8 weeks</translation>
    </message>
    <message>
        <source>28 weeks</source>
        <translation>28 weeks</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 years</translation>
    </message>
    <message>
        <source>Anchor points for %1: not installed. The hospital installs its copy of the CAPD developmental anchor chart as capd_anchors.json (see README).</source>
        <translation>Anchor points for %1: not installed. The hospital installs its copy of the CAPD developmental anchor chart as capd_anchors.json (see README).</translation>
    </message>
    <message>
        <source>Anchor points for %1 not shown: the anchor file was refused (%2).</source>
        <translation>Anchor points for %1 not shown: the anchor file was refused (%2).</translation>
    </message>
</context>
<context>
    <name>CensusModel</name>
    <message>
        <source>Bed</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Product / target</source>
        <translation>Product / target</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>CRS now</source>
        <translation>CRS now</translation>
    </message>
    <message>
        <source>ICANS now</source>
        <translation>ICANS now</translation>
    </message>
    <message>
        <source>24-h max</source>
        <translation>24-h max</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Highest CRS / ICANS grade of the last 24 hours</source>
        <translation>Highest CRS / ICANS grade of the last 24 hours</translation>
    </message>
    <message>
        <source>Days since infusion (negative during lymphodepletion)</source>
        <translation>Days since infusion (negative during lymphodepletion)</translation>
    </message>
    <message>
        <source>Active alerts (tocilizumab limits, escalation, IEC-HS screen…)</source>
        <translation>Active alerts (tocilizumab limits, escalation, IEC-HS screen…)</translation>
    </message>
    <message>
        <source>%1 OVERDUE since %2</source>
        <translation>%1 OVERDUE since %2</translation>
    </message>
    <message>
        <source>%1 due %2</source>
        <translation>%1 due %2</translation>
    </message>
    <message>
        <source>vitals OVERDUE</source>
        <translation>vitals OVERDUE</translation>
    </message>
    <message>
        <source> (%1 new)</source>
        <translation> (%1 new)</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>grade %1</translation>
    </message>
    <message>
        <source>never graded</source>
        <translation>never graded</translation>
    </message>
    <message>
        <source>graded at %1</source>
        <translation>graded at %1</translation>
    </message>
    <message>
        <source>STALE: no new data for %1</source>
        <translation>STALE: no new data for %1</translation>
    </message>
    <message>
        <source>nothing due within the hour</source>
        <translation>nothing due within the hour</translation>
    </message>
    <message>
        <source>%1 active alert(s), %2 not yet acknowledged</source>
        <translation>%1 active alert(s), %2 not yet acknowledged</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <translation>no active alerts</translation>
    </message>
</context>
<context>
    <name>CensusView</name>
    <message>
        <source>Find bed, name or MRN (Ctrl+F)</source>
        <translation>Find bed, name or MRN (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open patient (Enter)</source>
        <translation>Open patient (Enter)</translation>
    </message>
    <message>
        <source>Record vitals (V)</source>
        <translation>Record vitals (V)</translation>
    </message>
    <message>
        <source>Vital signs for the selected patient (V)</source>
        <translation>Vital signs for the selected patient (V)</translation>
    </message>
    <message>
        <source>ICE / CAPD (I)</source>
        <translation>ICE / CAPD (I)</translation>
    </message>
    <message>
        <source>ICE (adults) or CAPD (children) for the selected patient (I)</source>
        <translation>ICE (adults) or CAPD (children) for the selected patient (I)</translation>
    </message>
    <message>
        <source>Print ward (P)</source>
        <translation>Print ward (P)</translation>
    </message>
    <message>
        <source>Daily summaries of every admitted patient (P)</source>
        <translation>Daily summaries of every admitted patient (P)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Loading the ward…</source>
        <translation>Loading the ward…</translation>
    </message>
    <message>
        <source>No admitted patients. (Start with --demo for a demo ward.)</source>
        <translation>No admitted patients. (Start with --demo for a demo ward.)</translation>
    </message>
    <message>
        <source>Could not load the ward: %1</source>
        <translation>Could not load the ward: %1</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>Ward census</translation>
    </message>
    <message>
        <source>patients: %1</source>
        <translation>patients: %1</translation>
    </message>
</context>
<context>
    <name>FormTerms</name>
    <message>
        <source>tocilizumab</source>
        <translation>tocilizumab</translation>
    </message>
    <message>
        <source>dexamethasone</source>
        <translation>dexamethasone</translation>
    </message>
    <message>
        <source>methylprednisolone</source>
        <translation>methylprednisolone</translation>
    </message>
    <message>
        <source>anakinra</source>
        <translation>anakinra</translation>
    </message>
    <message>
        <source>siltuximab</source>
        <translation>siltuximab</translation>
    </message>
    <message>
        <source>antipyretic</source>
        <translation>antipyretic</translation>
    </message>
    <message>
        <source>levetiracetam</source>
        <translation>levetiracetam</translation>
    </message>
    <message>
        <source>G-CSF</source>
        <translation>G-CSF</translation>
    </message>
    <message>
        <source>IVIG</source>
        <translation>IVIG</translation>
    </message>
    <message>
        <source>other (name it)</source>
        <translation>other (name it)</translation>
    </message>
    <message>
        <source>ICU transfer</source>
        <translation>ICU transfer</translation>
    </message>
    <message>
        <source>intubation</source>
        <translation>intubation</translation>
    </message>
    <message>
        <source>blood purification (CRRT)</source>
        <translation>blood purification (CRRT)</translation>
    </message>
    <message>
        <source>plasma exchange</source>
        <translation>plasma exchange</translation>
    </message>
    <message>
        <source>imaging (CT / MRI)</source>
        <translation>imaging (CT / MRI)</translation>
    </message>
    <message>
        <source>EEG</source>
        <translation>EEG</translation>
    </message>
    <message>
        <source>lumbar puncture</source>
        <translation>lumbar puncture</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>interleukin-6 (IL-6)</source>
        <translation>interleukin-6 (IL-6)</translation>
    </message>
    <message>
        <source>C-reactive protein (CRP)</source>
        <translation>C-reactive protein (CRP)</translation>
    </message>
    <message>
        <source>ferritin</source>
        <translation>ferritin</translation>
    </message>
    <message>
        <source>platelets</source>
        <translation>platelets</translation>
    </message>
    <message>
        <source>neutrophils (ANC)</source>
        <translation>neutrophils (ANC)</translation>
    </message>
    <message>
        <source>white blood cells (WBC)</source>
        <translation>white blood cells (WBC)</translation>
    </message>
    <message>
        <source>lymphocytes (% of WBC)</source>
        <translation>lymphocytes (% of WBC)</translation>
    </message>
    <message>
        <source>hemoglobin</source>
        <translation>hemoglobin</translation>
    </message>
    <message>
        <source>fibrinogen</source>
        <translation>fibrinogen</translation>
    </message>
    <message>
        <source>D-dimer</source>
        <translation>D-dimer</translation>
    </message>
    <message>
        <source>lactate dehydrogenase (LDH)</source>
        <translation>lactate dehydrogenase (LDH)</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>AST</source>
        <translation>AST</translation>
    </message>
    <message>
        <source>creatinine</source>
        <translation>creatinine</translation>
    </message>
    <message>
        <source>triglycerides</source>
        <translation>triglycerides</translation>
    </message>
    <message>
        <source>IgG</source>
        <translation>IgG</translation>
    </message>
    <message>
        <source>interferon-γ (IFN-γ)</source>
        <translation>interferon-γ (IFN-γ)</translation>
    </message>
    <message>
        <source>interleukin-10 (IL-10)</source>
        <translation>interleukin-10 (IL-10)</translation>
    </message>
    <message>
        <source>soluble IL-2 receptor (sIL-2R)</source>
        <translation>soluble IL-2 receptor (sIL-2R)</translation>
    </message>
    <message>
        <source>MCP-1</source>
        <translation>MCP-1</translation>
    </message>
    <message>
        <source>TNF-α</source>
        <translation>TNF-α</translation>
    </message>
    <message>
        <source>CAR-T copies</source>
        <translation>CAR-T copies</translation>
    </message>
    <message>
        <source>CAR+ cells</source>
        <translation>CAR+ cells</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>B cells</translation>
    </message>
    <message>
        <source>CD4+ T cells</source>
        <translation>CD4+ T cells</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>dose change</source>
        <translation>dose change</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stop</translation>
    </message>
    <message>
        <source>vital signs</source>
        <translation>vital signs</translation>
    </message>
    <message>
        <source>oxygen support</source>
        <translation>oxygen support</translation>
    </message>
    <message>
        <source>vasopressor</source>
        <translation>vasopressor</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>fluid bolus</translation>
    </message>
    <message>
        <source>lab result</source>
        <translation>lab result</translation>
    </message>
    <message>
        <source>ICE / CAPD</source>
        <translation>ICE / CAPD</translation>
    </message>
    <message>
        <source>neuro exam</source>
        <translation>neuro exam</translation>
    </message>
    <message>
        <source>medication</source>
        <translation>medication</translation>
    </message>
    <message>
        <source>intervention</source>
        <translation>intervention</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS grade</translation>
    </message>
</context>
<context>
    <name>GradeBadge</name>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>grade %1</translation>
    </message>
</context>
<context>
    <name>GradeBanner</name>
    <message>
        <source>not graded yet: no vital signs recorded</source>
        <translation>not graded yet: no vital signs recorded</translation>
    </message>
    <message>
        <source>not assessed: no ICE / CAPD recorded</source>
        <translation>not assessed: no ICE / CAPD recorded</translation>
    </message>
    <message>
        <source>no CRS criteria met</source>
        <translation>no CRS criteria met</translation>
    </message>
    <message>
        <source>vital signs %1</source>
        <translation>vital signs %1</translation>
    </message>
    <message>
        <source>no vital signs</source>
        <translation>no vital signs</translation>
    </message>
    <message>
        <source>STALE: %1 (older than the 4-h window)</source>
        <translation>STALE: %1 (older than the 4-h window)</translation>
    </message>
    <message>
        <source>%1 %2/%3 at %4</source>
        <translation>%1 %2/%3 at %4</translation>
    </message>
    <message>
        <source>(at baseline)</source>
        <translation>(at baseline)</translation>
    </message>
    <message>
        <source>(baseline %1, %2)</source>
        <translation>(baseline %1, %2)</translation>
    </message>
    <message>
        <source>ICANS not assessed</source>
        <translation>ICANS not assessed</translation>
    </message>
    <message>
        <source>ICE / CAPD %1</source>
        <translation>ICE / CAPD %1</translation>
    </message>
    <message>
        <source>no ICE / CAPD recorded</source>
        <translation>no ICE / CAPD recorded</translation>
    </message>
    <message>
        <source>STALE: %1 (older than the 12-h window)</source>
        <translation>STALE: %1 (older than the 12-h window)</translation>
    </message>
    <message>
        <source>Now: %1 — %2</source>
        <translation>Now: %1 — %2</translation>
    </message>
</context>
<context>
    <name>GradePanel</name>
    <message>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>Vital signs and support (CRS)</source>
        <translation>Vital signs and support (CRS)</translation>
    </message>
    <message>
        <source>Highest temperature (°F)</source>
        <translation>Highest temperature (°F)</translation>
    </message>
    <message>
        <source>Highest temperature (°C)</source>
        <translation>Highest temperature (°C)</translation>
    </message>
    <message>
        <source>Add vasopressor</source>
        <translation>Add vasopressor</translation>
    </message>
    <message>
        <source>Add a vasopressor infusion (Alt+A)</source>
        <translation>Add a vasopressor infusion (Alt+A)</translation>
    </message>
    <message>
        <source>Vasopressors</source>
        <translation>Vasopressors</translation>
    </message>
    <message>
        <source>NE-equivalent</source>
        <translation>NE-equivalent</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Oxygen device</source>
        <translation>Oxygen device</translation>
    </message>
    <message>
        <source>Oxygen flow (L/min)</source>
        <translation>Oxygen flow (L/min)</translation>
    </message>
    <message>
        <source>Fever masked</source>
        <translation>Fever masked</translation>
    </message>
    <message>
        <source>age cannot be negative</source>
        <translation>age cannot be negative</translation>
    </message>
    <message>
        <source>years</source>
        <translation>years</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>Age (years)</translation>
    </message>
    <message>
        <source>antipyretic, tocilizumab or steroid given after CRS began: fever no longer required</source>
        <translation>antipyretic, tocilizumab or steroid given after CRS began: fever no longer required</translation>
    </message>
    <message>
        <source>Lowest systolic BP (mmHg)</source>
        <translation>Lowest systolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>Hypotension</translation>
    </message>
    <message>
        <source>not attributable to another cause</source>
        <translation>not attributable to another cause</translation>
    </message>
    <message>
        <source>Oxygen for comfort only</source>
        <translation>Oxygen for comfort only</translation>
    </message>
    <message>
        <source>given without hypoxia: charted, not graded</source>
        <translation>given without hypoxia: charted, not graded</translation>
    </message>
    <message>
        <source>Neurological assessment (ICANS)</source>
        <translation>Neurological assessment (ICANS)</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE score</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>ICE cannot be done: aphasia (awake)</translation>
    </message>
    <message>
        <source>ICE cannot be done: unarousable</source>
        <translation>ICE cannot be done: unarousable</translation>
    </message>
    <message>
        <source>CAPD (children ≤ 12 y)</source>
        <translation>CAPD (children ≤ 12 y)</translation>
    </message>
    <message>
        <source>CAPD cannot be done: cannot be roused</source>
        <translation>CAPD cannot be done: cannot be roused</translation>
    </message>
    <message>
        <source>Encephalopathy</source>
        <translation>Encephalopathy</translation>
    </message>
    <message>
        <source>Orientation (0-4)</source>
        <translation>Orientation (0-4)</translation>
    </message>
    <message>
        <source>Naming (0-3)</source>
        <translation>Naming (0-3)</translation>
    </message>
    <message>
        <source>Following commands (0-1)</source>
        <translation>Following commands (0-1)</translation>
    </message>
    <message>
        <source>Writing (0-1)</source>
        <translation>Writing (0-1)</translation>
    </message>
    <message>
        <source>Attention (0-1)</source>
        <translation>Attention (0-1)</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>Level of consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>Motor findings</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>Systolic BP</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Oxygen flow</source>
        <translation>Oxygen flow</translation>
    </message>
    <message>
        <source>ICE incomplete: %1 of 5 items entered</source>
        <translation>ICE incomplete: %1 of 5 items entered</translation>
    </message>
    <message>
        <source>CAPD incomplete: %1 of 8 answers entered</source>
        <translation>CAPD incomplete: %1 of 8 answers entered</translation>
    </message>
    <message>
        <source>Not graded: correct the marked field(s).</source>
        <translation>Not graded: correct the marked field(s).</translation>
    </message>
    <message>
        <source>No systolic threshold is set for infants under 1 year: judge clinically.</source>
        <translation>No systolic threshold is set for infants under 1 year: judge clinically.</translation>
    </message>
    <message>
        <source>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm</source>
        <translation>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm</translation>
    </message>
    <message>
        <source>Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).</source>
        <translation>Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).</translation>
    </message>
    <message>
        <source>no criterion met</source>
        <translation>no criterion met</translation>
    </message>
    <message>
        <source>Not assessed: no ICE / CAPD recorded.</source>
        <translation>Not assessed: no ICE / CAPD recorded.</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>no vasopressor</translation>
    </message>
    <message>
        <source>enter the weight to convert per-kg doses</source>
        <translation>enter the weight to convert per-kg doses</translation>
    </message>
    <message>
        <source>%1 µg/min</source>
        <translation>%1 µg/min</translation>
    </message>
    <message>
        <source>(high-dose vasopressors)</source>
        <translation>(high-dose vasopressors)</translation>
    </message>
</context>
<context>
    <name>IechsGradeForm</name>
    <message>
        <source>IEC-HS resolved or ruled out (not a §4.3.2 grade; ends the IEC-HS treatment lines)</source>
        <translation>IEC-HS resolved or ruled out (not a §4.3.2 grade; ends the IEC-HS treatment lines)</translation>
    </message>
    <message>
        <source>0 — none (resolved / ruled out)</source>
        <translation>0 — none (resolved / ruled out)</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>grade %1</translation>
    </message>
    <message>
        <source>Record the IEC-HS grade (physician)</source>
        <translation>Record the IEC-HS grade (physician)</translation>
    </message>
    <message>
        <source>Immune effector cell-associated hemophagocytic lymphohistiocytosis-like syndrome (IEC-HS)</source>
        <translation>Immune effector cell-associated hemophagocytic lymphohistiocytosis-like syndrome (IEC-HS)</translation>
    </message>
    <message>
        <source>The physician confirms IEC-HS and grades it; the app never computes the grade. A grade stays in force until a newer record: record 0 when IEC-HS has resolved or is ruled out.</source>
        <translation>The physician confirms IEC-HS and grades it; the app never computes the grade. A grade stays in force until a newer record: record 0 when IEC-HS has resolved or is ruled out.</translation>
    </message>
    <message>
        <source>&amp;0 — none</source>
        <translation>&amp;0 — none</translation>
    </message>
    <message>
        <source>Grade &amp;%1</source>
        <translation>Grade &amp;%1</translation>
    </message>
    <message>
        <source>Grade descriptions: %1. Treatment lines follow the protocol in force (§4.3.3-4.3.4).</source>
        <translation>Grade descriptions: %1. Treatment lines follow the protocol in force (§4.3.3-4.3.4).</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>e.g. what confirmed it; CRS, infection and progression excluded</source>
        <translation>e.g. what confirmed it; CRS, infection and progression excluded</translation>
    </message>
    <message>
        <source>Only a physician records an IEC-HS grade (you are signed in as %1). The descriptions are shown for reference; nothing can be saved here.</source>
        <translation>Only a physician records an IEC-HS grade (you are signed in as %1). The descriptions are shown for reference; nothing can be saved here.</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>choose the IEC-HS grade (0 when resolved or ruled out)</source>
        <translation>choose the IEC-HS grade (0 when resolved or ruled out)</translation>
    </message>
    <message>
        <source>No IEC-HS grade recorded.</source>
        <translation>No IEC-HS grade recorded.</translation>
    </message>
    <message>
        <source>IEC-HS resolved / ruled out</source>
        <translation>IEC-HS resolved / ruled out</translation>
    </message>
    <message>
        <source>IEC-HS grade %1 in force (until a newer IEC-HS record)</source>
        <translation>IEC-HS grade %1 in force (until a newer IEC-HS record)</translation>
    </message>
    <message>
        <source>recorded %1 (%2 h ago) by %3</source>
        <translation>recorded %1 (%2 h ago) by %3</translation>
    </message>
    <message>
        <source>IEC-HS (recorded by the physician)</source>
        <translation>IEC-HS (recorded by the physician)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>InterventionForm</name>
    <message>
        <source>Record an intervention</source>
        <translation>Record an intervention</translation>
    </message>
    <message>
        <source>&amp;Intervention</source>
        <translation>&amp;Intervention</translation>
    </message>
    <message>
        <source>e.g. CT head: no bleeding; required for “other”</source>
        <translation>e.g. CT head: no bleeding; required for “other”</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>say what was done</source>
        <translation>say what was done</translation>
    </message>
</context>
<context>
    <name>LabForm</name>
    <message>
        <source>Record a lab result</source>
        <translation>Record a lab result</translation>
    </message>
    <message>
        <source>Collected &amp;at</source>
        <translation>Collected &amp;at</translation>
    </message>
    <message>
        <source>&amp;Analyte</source>
        <translation>&amp;Analyte</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>must be 0 or more</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Value</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>stored as %1 %2 (entered value and unit kept)</source>
        <translation>stored as %1 %2 (entered value and unit kept)</translation>
    </message>
    <message>
        <source>enter the value</source>
        <translation>enter the value</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>cartox_desk — CRS / ICANS grading</source>
        <translation>cartox_desk — CRS / ICANS grading</translation>
    </message>
    <message>
        <source>&amp;Assess</source>
        <translation>&amp;Assess</translation>
    </message>
    <message>
        <source>&amp;Ward</source>
        <translation>&amp;Ward</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>Census</translation>
    </message>
    <message>
        <source>Back to the ward census (Ctrl+H)</source>
        <translation>Back to the ward census (Ctrl+H)</translation>
    </message>
    <message>
        <source>Print ward…</source>
        <translation>Print ward…</translation>
    </message>
    <message>
        <source>Quick grading (no patient)</source>
        <translation>Quick grading (no patient)</translation>
    </message>
    <message>
        <source>Grade typed values without saving (Ctrl+G)</source>
        <translation>Grade typed values without saving (Ctrl+G)</translation>
    </message>
    <message>
        <source>Change user…</source>
        <translation>Change user…</translation>
    </message>
    <message>
        <source>ICE assessment…</source>
        <translation>ICE assessment…</translation>
    </message>
    <message>
        <source>ICE assessment (Ctrl+I)</source>
        <translation>ICE assessment (Ctrl+I)</translation>
    </message>
    <message>
        <source>CAPD assessment (children)…</source>
        <translation>CAPD assessment (children)…</translation>
    </message>
    <message>
        <source>CAPD assessment (Ctrl+Shift+I)</source>
        <translation>CAPD assessment (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Ward settings (Ctrl+,)</source>
        <translation>Ward settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>DEMO — synthetic patients</source>
        <translation>DEMO — synthetic patients</translation>
    </message>
    <message>
        <source>Grade rise</source>
        <translation>Grade rise</translation>
    </message>
    <message>
        <source>Review the grade drivers and the recommended management.</source>
        <translation>Review the grade drivers and the recommended management.</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>Who is working?</translation>
    </message>
    <message>
        <source>Choose a user first (Ward ▸ Change user…): every record carries it.</source>
        <translation>Choose a user first (Ward ▸ Change user…): every record carries it.</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>This entry form is not available in this build yet.</source>
        <translation>This entry form is not available in this build yet.</translation>
    </message>
    <message>
        <source>The ICE / CAPD flow is not available in this build yet.</source>
        <translation>The ICE / CAPD flow is not available in this build yet.</translation>
    </message>
    <message>
        <source>The amendment dialog is not available in this build yet.</source>
        <translation>The amendment dialog is not available in this build yet.</translation>
    </message>
    <message>
        <source>Cannot amend</source>
        <translation>Cannot amend</translation>
    </message>
    <message>
        <source>Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders.</source>
        <translation>Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders.</translation>
    </message>
</context>
<context>
    <name>ManagementPanel</name>
    <message>
        <source>Management &amp; alerts</source>
        <translation>Management &amp; alerts</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Done (D)</source>
        <translation>Done (D)</translation>
    </message>
    <message>
        <source>Mark the selected recommendation done (D)</source>
        <translation>Mark the selected recommendation done (D)</translation>
    </message>
    <message>
        <source>Not indicated (X)</source>
        <translation>Not indicated (X)</translation>
    </message>
    <message>
        <source>Mark the selected recommendation not indicated (X)</source>
        <translation>Mark the selected recommendation not indicated (X)</translation>
    </message>
    <message>
        <source>Acknowledge (K)</source>
        <translation>Acknowledge (K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alert (K)</source>
        <translation>Acknowledge the selected alert (K)</translation>
    </message>
    <message>
        <source>Ticks and acknowledgements are kept for this session only (not saved yet).</source>
        <translation>Ticks and acknowledgements are kept for this session only (not saved yet).</translation>
    </message>
    <message>
        <source> — done (%1)</source>
        <translation> — done (%1)</translation>
    </message>
    <message>
        <source> — not indicated (%1)</source>
        <translation> — not indicated (%1)</translation>
    </message>
    <message>
        <source> — acknowledged (%1)</source>
        <translation> — acknowledged (%1)</translation>
    </message>
    <message>
        <source>Ticks and acknowledgements are saved in the record with your name.</source>
        <translation>Ticks and acknowledgements are saved in the record with your name.</translation>
    </message>
    <message>
        <source>Recommended management</source>
        <translation>Recommended management</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Not available: %1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alerts (%1)</translation>
    </message>
    <message>
        <source>Doses (arithmetic shown)</source>
        <translation>Doses (arithmetic shown)</translation>
    </message>
    <message>
        <source>CRS %1 · ICANS %2</source>
        <translation>CRS %1 · ICANS %2</translation>
    </message>
    <message>
        <source>Recommended for the current grades (%1)</source>
        <translation>Recommended for the current grades (%1)</translation>
    </message>
    <message>
        <source>Prophylaxis and monitoring</source>
        <translation>Prophylaxis and monitoring</translation>
    </message>
    <message>
        <source>if applicable: %1</source>
        <translation>if applicable: %1</translation>
    </message>
    <message>
        <source>cannot be decided (data missing): %1</source>
        <translation>cannot be decided (data missing): %1</translation>
    </message>
    <message>
        <source>escalation: %1</source>
        <translation>escalation: %1</translation>
    </message>
    <message>
        <source>no grade-specific management (grade 0)</source>
        <translation>no grade-specific management (grade 0)</translation>
    </message>
    <message>
        <source>Risk flags (%1)</source>
        <translation>Risk flags (%1)</translation>
    </message>
    <message>
        <source>Withdraw the mark</source>
        <translation>Withdraw the mark</translation>
    </message>
    <message>
        <source>Why is this mark withdrawn? (It stays in the record with your name.)</source>
        <translation>Why is this mark withdrawn? (It stays in the record with your name.)</translation>
    </message>
</context>
<context>
    <name>MedicationForm</name>
    <message>
        <source>Record a medication</source>
        <translation>Record a medication</translation>
    </message>
    <message>
        <source>&amp;Drug</source>
        <translation>&amp;Drug</translation>
    </message>
    <message>
        <source>product or drug name (required for “other”)</source>
        <translation>product or drug name (required for “other”)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>dose</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>D&amp;ose</source>
        <translation>D&amp;ose</translation>
    </message>
    <message>
        <source>weight not recorded: the dose cannot be calculated (%1 mg/kg)</source>
        <translation>weight not recorded: the dose cannot be calculated (%1 mg/kg)</translation>
    </message>
    <message>
        <source>capped at %1 mg per dose</source>
        <translation>capped at %1 mg per dose</translation>
    </message>
    <message>
        <source>dose %1 of %2</source>
        <translation>dose %1 of %2</translation>
    </message>
    <message>
        <source>no further dose after this one</source>
        <translation>no further dose after this one</translation>
    </message>
    <message>
        <source>next allowed after %1</source>
        <translation>next allowed after %1</translation>
    </message>
    <message>
        <source>%1 doses of tocilizumab have already been given: at most %2 in total (REVIEW-2022, label). A further dose is refused.</source>
        <translation>%1 doses of tocilizumab have already been given: at most %2 in total (REVIEW-2022, label). A further dose is refused.</translation>
    </message>
    <message>
        <source>%1 doses were given in the last 24 h: at most %2 in 24 h (ASCO-2021). Next allowed after %3.</source>
        <translation>%1 doses were given in the last 24 h: at most %2 in 24 h (ASCO-2021). Next allowed after %3.</translation>
    </message>
    <message>
        <source>The last dose was at %1: at least %2 h between doses. Next allowed after %3.</source>
        <translation>The last dose was at %1: at least %2 h between doses. Next allowed after %3.</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Refused:</translation>
    </message>
    <message>
        <source>⚠ differs from the calculated dose %1 mg</source>
        <translation>⚠ differs from the calculated dose %1 mg</translation>
    </message>
    <message>
        <source>Tocilizumab dose limit</source>
        <translation>Tocilizumab dose limit</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Nothing was saved.</translation>
    </message>
    <message>
        <source>Tocilizumab refused by the dose limits: nothing was saved.</source>
        <translation>Tocilizumab refused by the dose limits: nothing was saved.</translation>
    </message>
    <message>
        <source>enter the dose</source>
        <translation>enter the dose</translation>
    </message>
    <message>
        <source>enter the unit</source>
        <translation>enter the unit</translation>
    </message>
    <message>
        <source>name the drug</source>
        <translation>name the drug</translation>
    </message>
</context>
<context>
    <name>MultiCheckStep</name>
    <message>
        <source>Press the number of each sign present; N = none. Enter when done.</source>
        <translation>Press the number of each sign present; N = none. Enter when done.</translation>
    </message>
    <message>
        <source>[N]  none of these</source>
        <translation>[N]  none of these</translation>
    </message>
</context>
<context>
    <name>NeuroExamForm</name>
    <message>
        <source>Record a neuro exam</source>
        <translation>Record a neuro exam</translation>
    </message>
    <message>
        <source>Level of &amp;consciousness</source>
        <translation>Level of &amp;consciousness</translation>
    </message>
    <message>
        <source>&amp;Seizure</source>
        <translation>&amp;Seizure</translation>
    </message>
    <message>
        <source>&amp;Motor findings</source>
        <translation>&amp;Motor findings</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>e.g. MRI: no edema</source>
        <translation>e.g. MRI: no edema</translation>
    </message>
    <message>
        <source>&amp;Imaging result</source>
        <translation>&amp;Imaging result</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1” is not a number</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>Vitals</translation>
    </message>
    <message>
        <source>Oxygen / vasopressors</source>
        <translation>Oxygen / vasopressors</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Labs</translation>
    </message>
    <message>
        <source>ICE / CAPD</source>
        <translation>ICE / CAPD</translation>
    </message>
    <message>
        <source>Neuro</source>
        <translation>Neuro</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medications</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>IEC-HS</source>
        <translation>IEC-HS</translation>
    </message>
    <message>
        <source>◂ Census (Esc)</source>
        <translation>◂ Census (Esc)</translation>
    </message>
    <message>
        <source>Back to the ward census (Esc, Alt+Left)</source>
        <translation>Back to the ward census (Esc, Alt+Left)</translation>
    </message>
    <message>
        <source>Vitals (V)</source>
        <translation>Vitals (V)</translation>
    </message>
    <message>
        <source>Record vital signs, oxygen and vasopressors (V)</source>
        <translation>Record vital signs, oxygen and vasopressors (V)</translation>
    </message>
    <message>
        <source>Labs (L)</source>
        <translation>Labs (L)</translation>
    </message>
    <message>
        <source>Record lab results (L)</source>
        <translation>Record lab results (L)</translation>
    </message>
    <message>
        <source>Neuro (N)</source>
        <translation>Neuro (N)</translation>
    </message>
    <message>
        <source>Record a neuro exam (N)</source>
        <translation>Record a neuro exam (N)</translation>
    </message>
    <message>
        <source>Medication (M)</source>
        <translation>Medication (M)</translation>
    </message>
    <message>
        <source>Record a medication given (M)</source>
        <translation>Record a medication given (M)</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Record an intervention (ICU, intubation…)</source>
        <translation>Record an intervention (ICU, intubation…)</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS grade</translation>
    </message>
    <message>
        <source>Record the IEC-HS grade (physician; CSCO-2024 §4.3.2)</source>
        <translation>Record the IEC-HS grade (physician; CSCO-2024 §4.3.2)</translation>
    </message>
    <message>
        <source>ICE / CAPD (I)</source>
        <translation>ICE / CAPD (I)</translation>
    </message>
    <message>
        <source>ICE (adults) or CAPD (children) (I)</source>
        <translation>ICE (adults) or CAPD (children) (I)</translation>
    </message>
    <message>
        <source>Amend… (A)</source>
        <translation>Amend… (A)</translation>
    </message>
    <message>
        <source>Correct the selected record; asks for a reason (A)</source>
        <translation>Correct the selected record; asks for a reason (A)</translation>
    </message>
    <message>
        <source>History (H)</source>
        <translation>History (H)</translation>
    </message>
    <message>
        <source>Every version of the selected record (H)</source>
        <translation>Every version of the selected record (H)</translation>
    </message>
    <message>
        <source>Print daily summary (Ctrl+P)</source>
        <translation>Print daily summary (Ctrl+P)</translation>
    </message>
    <message>
        <source>PDF of the patient&apos;s day for rounds (Ctrl+P)</source>
        <translation>PDF of the patient&apos;s day for rounds (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export charts… (Ctrl+E)</source>
        <translation>Export charts… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save the visible charts as a PNG image or an SVG drawing (Ctrl+E)</source>
        <translation>Save the visible charts as a PNG image or an SVG drawing (Ctrl+E)</translation>
    </message>
    <message>
        <source>Select a record in another tab and press H (or double-click it) to see every version.</source>
        <translation>Select a record in another tab and press H (or double-click it) to see every version.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Export charts</translation>
    </message>
    <message>
        <source>The charts could not be saved:
%1</source>
        <translation>The charts could not be saved:
%1</translation>
    </message>
    <message>
        <source>Choose a user first: marks carry a name.</source>
        <translation>Choose a user first: marks carry a name.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Could not load the patient: %1</source>
        <translation>Could not load the patient: %1</translation>
    </message>
    <message>
        <source>CRS %1 → %2</source>
        <translation>CRS %1 → %2</translation>
    </message>
    <message>
        <source>ICANS %1 → %2</source>
        <translation>ICANS %1 → %2</translation>
    </message>
    <message>
        <source>The charts could not be drawn: %1</source>
        <translation>The charts could not be drawn: %1</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>bed %1</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 y</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>weight not recorded</source>
        <translation>weight not recorded</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Day %1</translation>
    </message>
    <message>
        <source>baseline CAPD %1</source>
        <translation>baseline CAPD %1</translation>
    </message>
    <message>
        <source>baseline ICE %1</source>
        <translation>baseline ICE %1</translation>
    </message>
    <message>
        <source>no baseline ICE / CAPD</source>
        <translation>no baseline ICE / CAPD</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Loading the versions…</translation>
    </message>
    <message>
        <source>%1 record %2: original and %3 amendment(s)</source>
        <translation>%1 record %2: original and %3 amendment(s)</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print daily summary</source>
        <translation>Print daily summary</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>bed %1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Day </source>
        <translation>Day </translation>
    </message>
    <message>
        <source>Day +N since infusion; the ward day starts at 08:00</source>
        <translation>Day +N since infusion; the ward day starts at 08:00</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>Print ward</source>
        <translation>Print ward</translation>
    </message>
    <message>
        <source>The ward day that starts at 08:00 on this date</source>
        <translation>The ward day that starts at 08:00 on this date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <source>Open the PDF when it is ready (print from the viewer)</source>
        <translation>Open the PDF when it is ready (print from the viewer)</translation>
    </message>
    <message>
        <source>Generate PDF (Enter)</source>
        <translation>Generate PDF (Enter)</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>Could not generate the PDF: %1</source>
        <translation>Could not generate the PDF: %1</translation>
    </message>
</context>
<context>
    <name>RangeCheck</name>
    <message>
        <source>%1 is outside the accepted range %2</source>
        <translation>%1 is outside the accepted range %2</translation>
    </message>
    <message>
        <source>a dose must be greater than 0</source>
        <translation>a dose must be greater than 0</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Clinical time: now by default; edit it for a late entry</source>
        <translation>Clinical time: now by default; edit it for a late entry</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>bed %1</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 y</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>weight not recorded</source>
        <translation>weight not recorded</translation>
    </message>
    <message>
        <source>the time is more than 5 minutes in the future</source>
        <translation>the time is more than 5 minutes in the future</translation>
    </message>
    <message>
        <source>the time is before the date of birth</source>
        <translation>the time is before the date of birth</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the marked field(s).</source>
        <translation>Nothing was saved: correct the marked field(s).</translation>
    </message>
    <message>
        <source>Nothing to save: enter at least one value.</source>
        <translation>Nothing to save: enter at least one value.</translation>
    </message>
</context>
<context>
    <name>RecordTables</name>
    <message>
        <source>Temp °C</source>
        <translation>Temp °C</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>HR /min</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>BP mmHg</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>RR /min</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>Hypotension</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation>oxygen</translation>
    </message>
    <message>
        <source>vasopressor</source>
        <translation>vasopressor</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>fluid bolus</translation>
    </message>
    <message>
        <source> (for comfort)</source>
        <translation> (for comfort)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>Analyte</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>As entered</source>
        <translation>As entered</translation>
    </message>
    <message>
        <source>cannot be done: %1</source>
        <translation>cannot be done: %1</translation>
    </message>
    <message>
        <source>cannot be roused</source>
        <translation>cannot be roused</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>Consciousness</source>
        <translation>Consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Motor</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Raised ICP signs</source>
        <translation>Raised ICP signs</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imaging</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS grade</translation>
    </message>
    <message>
        <source>Description (CSCO-2024 §4.3.2)</source>
        <translation>Description (CSCO-2024 §4.3.2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>Amended (corrects record %1): %2</source>
        <translation>Amended (corrects record %1): %2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>amendment %1</source>
        <translation>amendment %1</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>superseded</translation>
    </message>
</context>
<context>
    <name>ResultStep</name>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>ICANS grade</source>
        <translation>ICANS grade</translation>
    </message>
    <message>
        <source>Enter = finish and hand over for saving · Backspace = back</source>
        <translation>Enter = finish and hand over for saving · Backspace = back</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Hospital name (ICE orientation)</source>
        <translation>Hospital name (ICE orientation)</translation>
    </message>
    <message>
        <source>City (ICE orientation)</source>
        <translation>City (ICE orientation)</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <source>Temperature unit</source>
        <translation>Temperature unit</translation>
    </message>
    <message>
        <source>China (10^9/L, g/L, µmol/L)</source>
        <translation>China (10^9/L, g/L, µmol/L)</translation>
    </message>
    <message>
        <source>US (10^3/µL, g/dL, mg/dL)</source>
        <translation>US (10^3/µL, g/dL, mg/dL)</translation>
    </message>
    <message>
        <source>Laboratory units</source>
        <translation>Laboratory units</translation>
    </message>
    <message>
        <source>ICE writing sentence (Chinese)</source>
        <translation>ICE writing sentence (Chinese)</translation>
    </message>
    <message>
        <source>ICE writing sentence (English)</source>
        <translation>ICE writing sentence (English)</translation>
    </message>
    <message>
        <source>ICE / CAPD schedule (clinical-rules §6)</source>
        <translation>ICE / CAPD schedule (clinical-rules §6)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Routine interval</source>
        <translation>Routine interval</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>After any drop: every</source>
        <translation>After any drop: every</translation>
    </message>
    <message>
        <source>Then every</source>
        <translation>Then every</translation>
    </message>
    <message>
        <source>Until back to baseline for</source>
        <translation>Until back to baseline for</translation>
    </message>
    <message>
        <source>Hypotension proposal (clinical-rules §1 rule 8)</source>
        <translation>Hypotension proposal (clinical-rules §1 rule 8)</translation>
    </message>
    <message>
        <source>Adults: systolic below</source>
        <translation>Adults: systolic below</translation>
    </message>
    <message>
        <source>× age in years (ages 1-10)</source>
        <translation>× age in years (ages 1-10)</translation>
    </message>
    <message>
        <source>Children: systolic below</source>
        <translation>Children: systolic below</translation>
    </message>
    <message>
        <source>Management protocol</source>
        <translation>Management protocol</translation>
    </message>
    <message>
        <source>Protocol in force</source>
        <translation>Protocol in force</translation>
    </message>
    <message>
        <source>Use CSCO-2024 (default)</source>
        <translation>Use CSCO-2024 (default)</translation>
    </message>
    <message>
        <source>Use ASCO-2021</source>
        <translation>Use ASCO-2021</translation>
    </message>
    <message>
        <source>Load protocol file…</source>
        <translation>Load protocol file…</translation>
    </message>
    <message>
        <source>none could be loaded</source>
        <translation>none could be loaded</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 version %2</translation>
    </message>
    <message>
        <source>This protocol cannot be used; the current one stays:</source>
        <translation>This protocol cannot be used; the current one stays:</translation>
    </message>
    <message>
        <source>Load protocol file</source>
        <translation>Load protocol file</translation>
    </message>
    <message>
        <source>Protocol files (*.json)</source>
        <translation>Protocol files (*.json)</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>room air</source>
        <translation>room air</translation>
    </message>
    <message>
        <source>blow-by</source>
        <translation>blow-by</translation>
    </message>
    <message>
        <source>nasal cannula</source>
        <translation>nasal cannula</translation>
    </message>
    <message>
        <source>face mask</source>
        <translation>face mask</translation>
    </message>
    <message>
        <source>non-rebreather</source>
        <translation>non-rebreather</translation>
    </message>
    <message>
        <source>Venturi mask</source>
        <translation>Venturi mask</translation>
    </message>
    <message>
        <source>CPAP</source>
        <translation>CPAP</translation>
    </message>
    <message>
        <source>BiPAP</source>
        <translation>BiPAP</translation>
    </message>
    <message>
        <source>mechanical ventilation</source>
        <translation>mechanical ventilation</translation>
    </message>
    <message>
        <source>norepinephrine</source>
        <translation>norepinephrine</translation>
    </message>
    <message>
        <source>epinephrine</source>
        <translation>epinephrine</translation>
    </message>
    <message>
        <source>phenylephrine</source>
        <translation>phenylephrine</translation>
    </message>
    <message>
        <source>dopamine</source>
        <translation>dopamine</translation>
    </message>
    <message>
        <source>vasopressin</source>
        <translation>vasopressin</translation>
    </message>
    <message>
        <source>µg/min</source>
        <translation>µg/min</translation>
    </message>
    <message>
        <source>µg/kg/min</source>
        <translation>µg/kg/min</translation>
    </message>
    <message>
        <source>U/min</source>
        <translation>U/min</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>awakens spontaneously</source>
        <translation>awakens spontaneously</translation>
    </message>
    <message>
        <source>awakens to voice</source>
        <translation>awakens to voice</translation>
    </message>
    <message>
        <source>awakens only to touch</source>
        <translation>awakens only to touch</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>unarousable</translation>
    </message>
    <message>
        <source>no seizure</source>
        <translation>no seizure</translation>
    </message>
    <message>
        <source>seizure, resolved rapidly</source>
        <translation>seizure, resolved rapidly</translation>
    </message>
    <message>
        <source>seizure &gt; 5 min or repetitive</source>
        <translation>seizure &gt; 5 min or repetitive</translation>
    </message>
    <message>
        <source>no focal weakness</source>
        <translation>no focal weakness</translation>
    </message>
    <message>
        <source>deep focal motor weakness (hemiparesis)</source>
        <translation>deep focal motor weakness (hemiparesis)</translation>
    </message>
    <message>
        <source>focal cerebral edema</source>
        <translation>focal cerebral edema</translation>
    </message>
    <message>
        <source>diffuse cerebral edema</source>
        <translation>diffuse cerebral edema</translation>
    </message>
    <message>
        <source>decerebrate or decorticate posturing</source>
        <translation>decerebrate or decorticate posturing</translation>
    </message>
    <message>
        <source>cranial nerve VI palsy</source>
        <translation>cranial nerve VI palsy</translation>
    </message>
    <message>
        <source>papilledema</source>
        <translation>papilledema</translation>
    </message>
    <message>
        <source>Cushing&apos;s triad</source>
        <translation>Cushing&apos;s triad</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>rarely</source>
        <translation>rarely</translation>
    </message>
    <message>
        <source>sometimes</source>
        <translation>sometimes</translation>
    </message>
    <message>
        <source>often</source>
        <translation>often</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— not recorded —</translation>
    </message>
    <message>
        <source>cytokine release syndrome (CRS)</source>
        <translation>cytokine release syndrome (CRS)</translation>
    </message>
    <message>
        <source>immune effector cell-associated neurotoxicity syndrome (ICANS)</source>
        <translation>immune effector cell-associated neurotoxicity syndrome (ICANS)</translation>
    </message>
</context>
<context>
    <name>TrendChartsWidget</name>
    <message>
        <source>D0</source>
        <translation>D0</translation>
    </message>
    <message>
        <source>D{sign}{n}</source>
        <translation>D{sign}{n}</translation>
    </message>
    <message>
        <source>Days since infusion</source>
        <translation>Days since infusion</translation>
    </message>
    <message>
        <source>D-7 … D+14</source>
        <translation>D-7 … D+14</translation>
    </message>
    <message>
        <source>Lymphodepletion to day +14</source>
        <translation>Lymphodepletion to day +14</translation>
    </message>
    <message>
        <source>D0 … D+30</source>
        <translation>D0 … D+30</translation>
    </message>
    <message>
        <source>Day 0 to day +30</source>
        <translation>Day 0 to day +30</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation>Everything recorded</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>The last 24 hours</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan · legend: show / hide</source>
        <translation>wheel: zoom · drag: pan · legend: show / hide</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Trends since CAR-T infusion</source>
        <translation>Trends since CAR-T infusion</translation>
    </message>
    <message>
        <source>anti-IL</source>
        <translation>anti-IL</translation>
    </message>
    <message>
        <source>support</source>
        <translation>support</translation>
    </message>
    <message>
        <source>mmHg · /min</source>
        <translation>mmHg · /min</translation>
    </message>
    <message>
        <source>NE-eq. µg/min</source>
        <translation>NE-eq. µg/min</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>no vasopressor</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>flow not recorded</source>
        <translation>flow not recorded</translation>
    </message>
    <message>
        <source>for comfort (not graded)</source>
        <translation>for comfort (not graded)</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>counts (log)</source>
        <translation>counts (log)</translation>
    </message>
    <message>
        <source>{anc} {n}/µL (ICAHT)</source>
        <translation>{anc} {n}/µL (ICAHT)</translation>
    </message>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>grade {n}</source>
        <translation>grade {n}</translation>
    </message>
    <message>
        <source>CAR-T infusion</source>
        <translation>CAR-T infusion</translation>
    </message>
    <message>
        <source>dose {n} of {of}</source>
        <translation>dose {n} of {of}</translation>
    </message>
    <message>
        <source>aphasia</source>
        <translation>aphasia</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>unarousable</translation>
    </message>
    <message>
        <source>Labs on the cytokine panel</source>
        <translation>Labs on the cytokine panel</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>temperature</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>HR</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>SBP</translation>
    </message>
    <message>
        <source>DBP</source>
        <translation>DBP</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>RR</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>NE-eq.</source>
        <translation>NE-eq.</translation>
    </message>
    <message>
        <source>O2 support</source>
        <translation>O2 support</translation>
    </message>
    <message>
        <source>O2 flow</source>
        <translation>O2 flow</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <source>CAPD</source>
        <translation>CAPD</translation>
    </message>
    <message>
        <source>IL-6</source>
        <translation>IL-6</translation>
    </message>
    <message>
        <source>IFN-γ</source>
        <translation>IFN-γ</translation>
    </message>
    <message>
        <source>IL-10</source>
        <translation>IL-10</translation>
    </message>
    <message>
        <source>CRP</source>
        <translation>CRP</translation>
    </message>
    <message>
        <source>ferritin</source>
        <translation>ferritin</translation>
    </message>
    <message>
        <source>fibrinogen</source>
        <translation>fibrinogen</translation>
    </message>
    <message>
        <source>LDH</source>
        <translation>LDH</translation>
    </message>
    <message>
        <source>PLT</source>
        <translation>PLT</translation>
    </message>
    <message>
        <source>ANC</source>
        <translation>ANC</translation>
    </message>
    <message>
        <source>WBC</source>
        <translation>WBC</translation>
    </message>
    <message>
        <source>lymphocytes</source>
        <translation>lymphocytes</translation>
    </message>
    <message>
        <source>Hb</source>
        <translation>Hb</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>AST</source>
        <translation>AST</translation>
    </message>
    <message>
        <source>triglycerides</source>
        <translation>triglycerides</translation>
    </message>
    <message>
        <source>creatinine</source>
        <translation>creatinine</translation>
    </message>
    <message>
        <source>D-dimer</source>
        <translation>D-dimer</translation>
    </message>
    <message>
        <source>IgG</source>
        <translation>IgG</translation>
    </message>
    <message>
        <source>sIL-2R</source>
        <translation>sIL-2R</translation>
    </message>
    <message>
        <source>MCP-1</source>
        <translation>MCP-1</translation>
    </message>
    <message>
        <source>TNF-α</source>
        <translation>TNF-α</translation>
    </message>
    <message>
        <source>CAR-T copies</source>
        <translation>CAR-T copies</translation>
    </message>
    <message>
        <source>CAR+ cells</source>
        <translation>CAR+ cells</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>B cells</translation>
    </message>
    <message>
        <source>CD4</source>
        <translation>CD4</translation>
    </message>
    <message>
        <source>antipyretic</source>
        <translation>antipyretic</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>fluid bolus</translation>
    </message>
    <message>
        <source>tocilizumab</source>
        <translation>tocilizumab</translation>
    </message>
    <message>
        <source>steroid</source>
        <translation>steroid</translation>
    </message>
    <message>
        <source>anakinra</source>
        <translation>anakinra</translation>
    </message>
    <message>
        <source>siltuximab</source>
        <translation>siltuximab</translation>
    </message>
    <message>
        <source>ICU transfer</source>
        <translation>ICU transfer</translation>
    </message>
    <message>
        <source>intubation</source>
        <translation>intubation</translation>
    </message>
    <message>
        <source>blood purification (CRRT)</source>
        <translation>blood purification (CRRT)</translation>
    </message>
    <message>
        <source>plasma exchange</source>
        <translation>plasma exchange</translation>
    </message>
    <message>
        <source>ICE not possible</source>
        <translation>ICE not possible</translation>
    </message>
    <message>
        <source>CAPD not possible</source>
        <translation>CAPD not possible</translation>
    </message>
    <message>
        <source>ICU</source>
        <translation>ICU</translation>
    </message>
    <message>
        <source>intub.</source>
        <translation>intub.</translation>
    </message>
    <message>
        <source>CRRT</source>
        <translation>CRRT</translation>
    </message>
    <message>
        <source>PE</source>
        <translation>PE</translation>
    </message>
    <message>
        <source>ANK</source>
        <translation>ANK</translation>
    </message>
    <message>
        <source>SIL</source>
        <translation>SIL</translation>
    </message>
    <message>
        <source>norepinephrine</source>
        <translation>norepinephrine</translation>
    </message>
    <message>
        <source>epinephrine</source>
        <translation>epinephrine</translation>
    </message>
    <message>
        <source>phenylephrine</source>
        <translation>phenylephrine</translation>
    </message>
    <message>
        <source>dopamine</source>
        <translation>dopamine</translation>
    </message>
    <message>
        <source>vasopressin</source>
        <translation>vasopressin</translation>
    </message>
    <message>
        <source>dexamethasone</source>
        <translation>dexamethasone</translation>
    </message>
    <message>
        <source>methylprednisolone</source>
        <translation>methylprednisolone</translation>
    </message>
    <message>
        <source>RA</source>
        <translation>RA</translation>
    </message>
    <message>
        <source>blow-by</source>
        <translation>blow-by</translation>
    </message>
    <message>
        <source>NC</source>
        <translation>NC</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>mask</translation>
    </message>
    <message>
        <source>NRB</source>
        <translation>NRB</translation>
    </message>
    <message>
        <source>Venturi</source>
        <translation>Venturi</translation>
    </message>
    <message>
        <source>CPAP</source>
        <translation>CPAP</translation>
    </message>
    <message>
        <source>BiPAP</source>
        <translation>BiPAP</translation>
    </message>
    <message>
        <source>ventilated</source>
        <translation>ventilated</translation>
    </message>
    <message>
        <source>room air</source>
        <translation>room air</translation>
    </message>
    <message>
        <source>low-flow</source>
        <translation>low-flow</translation>
    </message>
    <message>
        <source>high-flow / mask</source>
        <translation>high-flow / mask</translation>
    </message>
    <message>
        <source>positive pressure</source>
        <translation>positive pressure</translation>
    </message>
    <message>
        <source>LF</source>
        <translation>LF</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>HF</translation>
    </message>
    <message>
        <source>PP</source>
        <translation>PP</translation>
    </message>
    <message>
        <source>Treatments and interventions</source>
        <translation>Treatments and interventions</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>Blood pressure, heart rate, vasopressors</source>
        <translation>Blood pressure, heart rate, vasopressors</translation>
    </message>
    <message>
        <source>Oxygen support and SpO2</source>
        <translation>Oxygen support and SpO2</translation>
    </message>
    <message>
        <source>Cytokines and inflammatory markers</source>
        <translation>Cytokines and inflammatory markers</translation>
    </message>
    <message>
        <source>Blood counts</source>
        <translation>Blood counts</translation>
    </message>
    <message>
        <source>CRS / ICANS grades, ICE / CAPD</source>
        <translation>CRS / ICANS grades, ICE / CAPD</translation>
    </message>
    <message>
        <source>Rx</source>
        <translation>Rx</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>BP · HR</source>
        <translation>BP · HR</translation>
    </message>
    <message>
        <source>labs</source>
        <translation>labs</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>counts</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>nurse</source>
        <translation>nurse</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>physician</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>Who is working?</translation>
    </message>
    <message>
        <source>Every record you enter carries your name. Pick yourself, or add yourself once; this laptop remembers the last choice.</source>
        <translation>Every record you enter carries your name. Pick yourself, or add yourself once; this laptop remembers the last choice.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>full name, e.g. Li Na</source>
        <translation>full name, e.g. Li Na</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add this user and select them (Alt+A)</source>
        <translation>Add this user and select them (Alt+A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>Start (Enter)</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Quit (Esc)</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Type a name first.</translation>
    </message>
    <message>
        <source>%1 already exists: selected.</source>
        <translation>%1 already exists: selected.</translation>
    </message>
    <message>
        <source>Pick a user, or add one.</source>
        <translation>Pick a user, or add one.</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>Not verified.</translation>
    </message>
</context>
<context>
    <name>VasopressorEntry</name>
    <message>
        <source>Remove this line (nothing is recorded for it)</source>
        <translation>Remove this line (nothing is recorded for it)</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stop</translation>
    </message>
    <message>
        <source>Record that this infusion was stopped</source>
        <translation>Record that this infusion was stopped</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>running since %1</translation>
    </message>
    <message>
        <source>a dose in %1 needs the patient&apos;s weight, which is not recorded: enter it in µg/min, or record the weight first</source>
        <translation>a dose in %1 needs the patient&apos;s weight, which is not recorded: enter it in µg/min, or record the weight first</translation>
    </message>
    <message>
        <source>%1 is not given in %2</source>
        <translation>%1 is not given in %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>not converted</source>
        <translation>not converted</translation>
    </message>
    <message>
        <source>= %1 µg/min NE</source>
        <translation>= %1 µg/min NE</translation>
    </message>
</context>
<context>
    <name>VasopressorRow</name>
    <message>
        <source>dose</source>
        <translation>dose</translation>
    </message>
    <message>
        <source>Remove this vasopressor</source>
        <translation>Remove this vasopressor</translation>
    </message>
    <message>
        <source>enter the dose</source>
        <translation>enter the dose</translation>
    </message>
</context>
<context>
    <name>VitalsForm</name>
    <message>
        <source>Record vital signs</source>
        <translation>Record vital signs</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <source>Temperature (°F)</source>
        <translation>Temperature (°F)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Heart rate (/min)</source>
        <translation>Heart rate (/min)</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>Respiratory rate (/min)</translation>
    </message>
    <message>
        <source>Systolic BP (mmHg)</source>
        <translation>Systolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic BP (mmHg)</source>
        <translation>Diastolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Mean BP (mmHg)</source>
        <translation>Mean BP (mmHg)</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>must be greater than 0</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>&amp;Hypotension confirmed</source>
        <translation>&amp;Hypotension confirmed</translation>
    </message>
    <message>
        <source>Low blood pressure not attributable to another cause (the nurse&apos;s observation)</source>
        <translation>Low blood pressure not attributable to another cause (the nurse&apos;s observation)</translation>
    </message>
    <message>
        <source>Oxygen support</source>
        <translation>Oxygen support</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Flow (L/min)</source>
        <translation>Flow (L/min)</translation>
    </message>
    <message>
        <source>For comfort only (charted, not graded)</source>
        <translation>For comfort only (charted, not graded)</translation>
    </message>
    <message>
        <source>Vasopressors</source>
        <translation>Vasopressors</translation>
    </message>
    <message>
        <source>Add vasopressor (Alt+A)</source>
        <translation>Add vasopressor (Alt+A)</translation>
    </message>
    <message>
        <source>Start a vasopressor infusion (Alt+A)</source>
        <translation>Start a vasopressor infusion (Alt+A)</translation>
    </message>
    <message>
        <source>Fluid bolus</source>
        <translation>Fluid bolus</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
    <message>
        <source>the volume must be greater than 0</source>
        <translation>the volume must be greater than 0</translation>
    </message>
    <message>
        <source>e.g. 0.9% NaCl</source>
        <translation>e.g. 0.9% NaCl</translation>
    </message>
    <message>
        <source>Fluid</source>
        <translation>Fluid</translation>
    </message>
    <message>
        <source>must be below the systolic BP (%1 mmHg)</source>
        <translation>must be below the systolic BP (%1 mmHg)</translation>
    </message>
    <message>
        <source>unchanged since %1: not recorded again</source>
        <translation>unchanged since %1: not recorded again</translation>
    </message>
    <message>
        <source>will be recorded from this time</source>
        <translation>will be recorded from this time</translation>
    </message>
    <message>
        <source>enter the flow: it decides low- or high-flow nasal cannula</source>
        <translation>enter the flow: it decides low- or high-flow nasal cannula</translation>
    </message>
    <message>
        <source>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick “Hypotension confirmed” if it is not attributable to another cause.</source>
        <translation>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick “Hypotension confirmed” if it is not attributable to another cause.</translation>
    </message>
    <message>
        <source>No systolic threshold is set for infants under 1 year: judge clinically.</source>
        <translation>No systolic threshold is set for infants under 1 year: judge clinically.</translation>
    </message>
    <message>
        <source>A fluid bolus or vasopressor is being given: if it is for low blood pressure, tick “Hypotension confirmed”.</source>
        <translation>A fluid bolus or vasopressor is being given: if it is for low blood pressure, tick “Hypotension confirmed”.</translation>
    </message>
    <message>
        <source>No vasopressor running.</source>
        <translation>No vasopressor running.</translation>
    </message>
    <message>
        <source>NE-equivalent: cannot be calculated (weight not recorded)</source>
        <translation>NE-equivalent: cannot be calculated (weight not recorded)</translation>
    </message>
    <message>
        <source>NE-equivalent: cannot be calculated (a unit does not apply to its drug)</source>
        <translation>NE-equivalent: cannot be calculated (a unit does not apply to its drug)</translation>
    </message>
    <message>
        <source>NE-equivalent after this entry: %1 µg/min</source>
        <translation>NE-equivalent after this entry: %1 µg/min</translation>
    </message>
    <message>
        <source>HIGH-DOSE vasopressors (CSCO-2024)</source>
        <translation>HIGH-DOSE vasopressors (CSCO-2024)</translation>
    </message>
    <message>
        <source>(lines with a problem are not counted)</source>
        <translation>(lines with a problem are not counted)</translation>
    </message>
</context>
<context>
    <name>WizardDialog</name>
    <message>
        <source>ICE assessment</source>
        <translation>ICE assessment</translation>
    </message>
    <message>
        <source>CAPD assessment</source>
        <translation>CAPD assessment</translation>
    </message>
</context>
</TS>
