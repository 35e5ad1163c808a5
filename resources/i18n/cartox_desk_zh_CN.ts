<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Temperature (°F)</source>
        <translation>体温 (°F)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温 (°C)</translation>
    </message>
    <message>
        <source>Heart rate (/min)</source>
        <translation>心率 (次/分)</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>呼吸 (次/分)</translation>
    </message>
    <message>
        <source>Systolic BP (mmHg)</source>
        <translation>收缩压 (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic BP (mmHg)</source>
        <translation>舒张压 (mmHg)</translation>
    </message>
    <message>
        <source>Mean BP (mmHg)</source>
        <translation>平均动脉压 (mmHg)</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>血氧饱和度 SpO2 (%)</translation>
    </message>
    <message>
        <source>Hypotension confirmed</source>
        <translation>确认低血压</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>给氧方式</translation>
    </message>
    <message>
        <source>Flow (L/min)</source>
        <translation>氧流量 (L/min)</translation>
    </message>
    <message>
        <source>For comfort only</source>
        <translation>仅为舒适给氧</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>容量 (mL)</translation>
    </message>
    <message>
        <source>Fluid</source>
        <translation>液体</translation>
    </message>
    <message>
        <source>Value (as entered)</source>
        <translation>数值 (录入值)</translation>
    </message>
    <message>
        <source>Unit (as entered)</source>
        <translation>单位 (录入值)</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>运动功能</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>颅内压增高 / 脑水肿</translation>
    </message>
    <message>
        <source>Imaging result</source>
        <translation>影像结果</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>给药途径</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>IEC-HS grade (CSCO-2024 §4.3.2)</source>
        <translation>IEC-HS 分级（CSCO-2024 §4.3.2）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Correct a record (amendment)</source>
        <translation>更正记录 (需填写原因)</translation>
    </message>
    <message>
        <source>Correcting %1 of %2, entered by %3</source>
        <translation>更正 %2 的%1，录入人 %3</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>更正后</translation>
    </message>
    <message>
        <source>why is it corrected? (required)</source>
        <translation>更正原因 (必填)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Author of the correction: %1</source>
        <translation>更正人：%1</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>a correction needs a reason</source>
        <translation>更正需填写原因</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The protocol file in the settings could not be used; the default protocol (CSCO-2024) stays in force.

%1</source>
        <translation>设置中的处理方案文件无法使用；继续使用默认方案 (CSCO-2024)。

%1</translation>
    </message>
    <message>
        <source>cartox_desk: protocol</source>
        <translation>cartox_desk：处理方案</translation>
    </message>
    <message>
        <source>cartox_desk: database</source>
        <translation>cartox_desk：数据库</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1

Check the --db path or CARTOX_DATABASE_URL, or ask IT.</source>
        <translation>无法打开数据库：
%1

请检查 --db 路径或 CARTOX_DATABASE_URL，或联系信息科。</translation>
    </message>
</context>
<context>
    <name>AssessmentSaveFlow</name>
    <message>
        <source>Assessment not saved</source>
        <translation>评估未保存</translation>
    </message>
    <message>
        <source>The assessment was not saved:
%1</source>
        <translation>评估未保存：
%1</translation>
    </message>
</context>
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Cannot be assessed… (C)</source>
        <translation>无法评估… (C)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>◂ Back (Backspace)</source>
        <translation>◂ 上一步 (Backspace)</translation>
    </message>
    <message>
        <source>Next ▸ (Enter)</source>
        <translation>下一步 ▸ (Enter)</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>提问：“%1”</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(未设置：请在设置中填写)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>定向</translation>
    </message>
    <message>
        <source>Ask each question; 1 = correct, 0 = wrong.</source>
        <translation>逐项提问；1 = 正确，0 = 错误。</translation>
    </message>
    <message>
        <source>What year is it?</source>
        <translation>今年是哪一年？</translation>
    </message>
    <message>
        <source>What month is it?</source>
        <translation>现在是几月？</translation>
    </message>
    <message>
        <source>What city are we in?</source>
        <translation>我们现在在哪个城市？</translation>
    </message>
    <message>
        <source>(answer: %1)</source>
        <translation>(答案：%1)</translation>
    </message>
    <message>
        <source>What is the name of this hospital?</source>
        <translation>这家医院叫什么名字？</translation>
    </message>
    <message>
        <source>clock</source>
        <translation>钟表</translation>
    </message>
    <message>
        <source>pen</source>
        <translation>笔</translation>
    </message>
    <message>
        <source>button</source>
        <translation>纽扣</translation>
    </message>
    <message>
        <source>Naming</source>
        <translation>命名</translation>
    </message>
    <message>
        <source>Point to each picture and ask: “What is this?”</source>
        <translation>指着每张图片问：“这是什么？”</translation>
    </message>
    <message>
        <source>Following commands</source>
        <translation>遵循指令</translation>
    </message>
    <message>
        <source>Ask the patient to follow a command:</source>
        <translation>请患者执行指令：</translation>
    </message>
    <message>
        <source>“Show me 2 fingers” or “Close your eyes and stick out your tongue”</source>
        <translation>“伸出 2 根手指给我看” 或 “闭上眼睛并伸出舌头”</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>书写</translation>
    </message>
    <message>
        <source>Ask the patient to write this standard sentence:</source>
        <translation>请患者写出这句标准句子：</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Ask the patient to count backwards from 100 by 10:</source>
        <translation>请患者从 100 开始每次减 10 倒数：</translation>
    </message>
    <message>
        <source>100, 90, 80, 70, 60, 50, 40, 30, 20, 10</source>
        <translation>100、90、80、70、60、50、40、30、20、10</translation>
    </message>
    <message>
        <source>Developmental anchor:</source>
        <translation>发育参照点：</translation>
    </message>
    <message>
        <source>awake but cannot speak or understand (global aphasia)</source>
        <translation>清醒但不能说话或理解 (完全性失语)</translation>
    </message>
    <message>
        <source>cannot be roused (unarousable)</source>
        <translation>不能唤醒</translation>
    </message>
    <message>
        <source>sedated: record as not assessed, no score</source>
        <translation>镇静中：记录为未评估，不计分</translation>
    </message>
    <message>
        <source>cannot be roused</source>
        <translation>不能唤醒</translation>
    </message>
    <message>
        <source>Cannot be assessed</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>Why can the assessment not be done?</source>
        <translation>为什么无法进行评估？</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <source>Any seizure since the last assessment?</source>
        <translation>自上次评估以来是否有癫痫发作？</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>运动功能</translation>
    </message>
    <message>
        <source>Deep focal motor weakness (hemiparesis, paraparesis)?</source>
        <translation>深度局部运动减弱 (偏瘫、截瘫)？</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>颅内压增高 / 脑水肿</translation>
    </message>
    <message>
        <source>Signs of raised intracranial pressure or cerebral edema?</source>
        <translation>是否有颅内压增高或脑水肿的体征？</translation>
    </message>
    <message>
        <source>Finish ✓ (Enter)</source>
        <translation>完成 ✓ (Enter)</translation>
    </message>
    <message>
        <source>Answer every item first, or choose “Cannot be assessed” (C).</source>
        <translation>请先回答所有项目，或选择“无法评估” (C)。</translation>
    </message>
    <message>
        <source>%1 not assessed (sedated): no score</source>
        <translation>%1 未评估 (镇静中)：不计分</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>无法进行 ICE：失语 (清醒)</translation>
    </message>
    <message>
        <source>%1 cannot be done: cannot be roused</source>
        <translation>无法进行 %1：不能唤醒</translation>
    </message>
    <message>
        <source>no signs of raised ICP</source>
        <translation>无颅内压增高体征</translation>
    </message>
    <message>
        <source>ICANS not assessed</source>
        <translation>ICANS 未评估</translation>
    </message>
    <message>
        <source>%1 from baseline (%2)</source>
        <translation>较基线 %1 (%2)</translation>
    </message>
    <message>
        <source>%1 from the previous assessment (%2)</source>
        <translation>较上次评估 %1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 项</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>不计分</translation>
    </message>
    <message>
        <source>running total %1 / %2 so far</source>
        <translation>目前累计 %1 / %2</translation>
    </message>
</context>
<context>
    <name>BinaryItemsStep</name>
    <message>
        <source>[1] correct</source>
        <translation>[1] 正确</translation>
    </message>
    <message>
        <source>[0] wrong</source>
        <translation>[0] 错误</translation>
    </message>
</context>
<context>
    <name>CapdItems</name>
    <message>
        <source>Does the child make eye contact with the caregiver?</source>
        <translation>患儿是否与照护者有眼神交流？</translation>
    </message>
    <message>
        <source>Are the child&apos;s actions purposeful?</source>
        <translation>患儿的动作是否有目的性？</translation>
    </message>
    <message>
        <source>Is the child aware of his/her surroundings?</source>
        <translation>患儿是否能感知周围环境？</translation>
    </message>
    <message>
        <source>Does the child communicate needs and wants?</source>
        <translation>患儿是否能表达需要和愿望？</translation>
    </message>
    <message>
        <source>Is the child restless?</source>
        <translation>患儿是否躁动不安？</translation>
    </message>
    <message>
        <source>Is the child inconsolable?</source>
        <translation>患儿是否无法安抚？</translation>
    </message>
    <message>
        <source>Is the child underactive — very little movement while awake?</source>
        <translation>患儿是否活动减少 —— 清醒时很少活动？</translation>
    </message>
    <message>
        <source>Does it take the child a long time to respond to interactions?</source>
        <translation>患儿对互动是否需要很长时间才有反应？</translation>
    </message>
    <message>
        <source>eye contact</source>
        <translation>眼神交流</translation>
    </message>
    <message>
        <source>purposeful actions</source>
        <translation>有目的的动作</translation>
    </message>
    <message>
        <source>aware of surroundings</source>
        <translation>感知周围环境</translation>
    </message>
    <message>
        <source>communicates needs and wants</source>
        <translation>表达需要和愿望</translation>
    </message>
    <message>
        <source>restless</source>
        <translation>躁动不安</translation>
    </message>
    <message>
        <source>inconsolable</source>
        <translation>无法安抚</translation>
    </message>
    <message>
        <source>underactive</source>
        <translation>活动减少</translation>
    </message>
    <message>
        <source>slow to respond</source>
        <translation>反应迟缓</translation>
    </message>
    <message>
        <source>newborn</source>
        <translation>新生儿</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 周</translation>
    </message>
    <message>
        <source>6 weeks</source>
        <translation>6 周</translation>
    </message>
    <message>
        <source>8 weeks</source>
        <translation>8 周</translation>
    </message>
    <message>
        <source>28 weeks</source>
        <translation>28 周</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 岁</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 岁</translation>
    </message>
    <message>
        <source>Anchor points for %1: not installed. The hospital installs its copy of the CAPD developmental anchor chart as capd_anchors.json (see README).</source>
        <translation>%1 的发育锚点：未安装。请由医院将其 CAPD 发育锚点表副本安装为 capd_anchors.json（见 README）。</translation>
    </message>
    <message>
        <source>Anchor points for %1 not shown: the anchor file was refused (%2).</source>
        <translation>未显示 %1 的发育锚点：锚点文件被拒绝（%2）。</translation>
    </message>
</context>
<context>
    <name>CensusModel</name>
    <message>
        <source>Bed</source>
        <translation>床号</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Product / target</source>
        <translation>产品 / 靶点</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>CRS now</source>
        <translation>当前 CRS</translation>
    </message>
    <message>
        <source>ICANS now</source>
        <translation>当前 ICANS</translation>
    </message>
    <message>
        <source>24-h max</source>
        <translation>24 小时最高</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待评估</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Highest CRS / ICANS grade of the last 24 hours</source>
        <translation>过去 24 小时 CRS / ICANS 最高分级</translation>
    </message>
    <message>
        <source>Days since infusion (negative during lymphodepletion)</source>
        <translation>回输后天数（清淋期间为负数）</translation>
    </message>
    <message>
        <source>Active alerts (tocilizumab limits, escalation, IEC-HS screen…)</source>
        <translation>当前警示（托珠单抗限量、升级处理、IEC-HS 筛查…）</translation>
    </message>
    <message>
        <source>%1 OVERDUE since %2</source>
        <translation>%1 已逾期（应于 %2）</translation>
    </message>
    <message>
        <source>%1 due %2</source>
        <translation>%1 应于 %2</translation>
    </message>
    <message>
        <source>vitals OVERDUE</source>
        <translation>生命体征 已逾期</translation>
    </message>
    <message>
        <source> (%1 new)</source>
        <translation>（%1 条未确认）</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>never graded</source>
        <translation>从未分级</translation>
    </message>
    <message>
        <source>graded at %1</source>
        <translation>分级时间 %1</translation>
    </message>
    <message>
        <source>STALE: no new data for %1</source>
        <translation>数据过期：%1 无新数据</translation>
    </message>
    <message>
        <source>nothing due within the hour</source>
        <translation>1 小时内无待办评估</translation>
    </message>
    <message>
        <source>%1 active alert(s), %2 not yet acknowledged</source>
        <translation>当前警示 %1 条，%2 条尚未确认</translation>
    </message>
    <message>
        <source>no active alerts</source>
        <translation>无当前警示</translation>
    </message>
</context>
<context>
    <name>CensusView</name>
    <message>
        <source>Find bed, name or MRN (Ctrl+F)</source>
        <translation>按床号、姓名或病历号查找 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open patient (Enter)</source>
        <translation>打开患者 (Enter)</translation>
    </message>
    <message>
        <source>Record vitals (V)</source>
        <translation>记录生命体征 (V)</translation>
    </message>
    <message>
        <source>Vital signs for the selected patient (V)</source>
        <translation>为所选患者记录生命体征 (V)</translation>
    </message>
    <message>
        <source>ICE / CAPD (I)</source>
        <translation>ICE / CAPD (I)</translation>
    </message>
    <message>
        <source>ICE (adults) or CAPD (children) for the selected patient (I)</source>
        <translation>为所选患者做 ICE（成人）或 CAPD（儿童）评估 (I)</translation>
    </message>
    <message>
        <source>Print ward (P)</source>
        <translation>打印病区 (P)</translation>
    </message>
    <message>
        <source>Daily summaries of every admitted patient (P)</source>
        <translation>所有在院患者的每日毒性反应总结 (P)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Loading the ward…</source>
        <translation>正在加载病区…</translation>
    </message>
    <message>
        <source>No admitted patients. (Start with --demo for a demo ward.)</source>
        <translation>无在院患者。（使用 --demo 启动演示病区。）</translation>
    </message>
    <message>
        <source>Could not load the ward: %1</source>
        <translation>无法加载病区：%1</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>病区患者一览</translation>
    </message>
    <message>
        <source>patients: %1</source>
        <translation>患者：%1</translation>
    </message>
</context>
<context>
    <name>FormTerms</name>
    <message>
        <source>tocilizumab</source>
        <translation>托珠单抗</translation>
    </message>
    <message>
        <source>dexamethasone</source>
        <translation>地塞米松</translation>
    </message>
    <message>
        <source>methylprednisolone</source>
        <translation>甲泼尼龙</translation>
    </message>
    <message>
        <source>anakinra</source>
        <translation>阿那白滞素</translation>
    </message>
    <message>
        <source>siltuximab</source>
        <translation>司妥昔单抗</translation>
    </message>
    <message>
        <source>antipyretic</source>
        <translation>退热药</translation>
    </message>
    <message>
        <source>levetiracetam</source>
        <translation>左乙拉西坦</translation>
    </message>
    <message>
        <source>G-CSF</source>
        <translation>粒细胞集落刺激因子 (G-CSF)</translation>
    </message>
    <message>
        <source>IVIG</source>
        <translation>静脉注射人免疫球蛋白 (IVIG)</translation>
    </message>
    <message>
        <source>other (name it)</source>
        <translation>其他 (请填写名称)</translation>
    </message>
    <message>
        <source>ICU transfer</source>
        <translation>转入 ICU</translation>
    </message>
    <message>
        <source>intubation</source>
        <translation>气管插管</translation>
    </message>
    <message>
        <source>blood purification (CRRT)</source>
        <translation>血液净化 (CRRT)</translation>
    </message>
    <message>
        <source>plasma exchange</source>
        <translation>血浆置换</translation>
    </message>
    <message>
        <source>imaging (CT / MRI)</source>
        <translation>影像检查 (CT / MRI)</translation>
    </message>
    <message>
        <source>EEG</source>
        <translation>脑电图 (EEG)</translation>
    </message>
    <message>
        <source>lumbar puncture</source>
        <translation>腰椎穿刺</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>interleukin-6 (IL-6)</source>
        <translation>白细胞介素-6 (IL-6)</translation>
    </message>
    <message>
        <source>C-reactive protein (CRP)</source>
        <translation>C反应蛋白 (CRP)</translation>
    </message>
    <message>
        <source>ferritin</source>
        <translation>铁蛋白</translation>
    </message>
    <message>
        <source>platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <source>neutrophils (ANC)</source>
        <translation>中性粒细胞 (ANC)</translation>
    </message>
    <message>
        <source>white blood cells (WBC)</source>
        <translation>白细胞 (WBC)</translation>
    </message>
    <message>
        <source>lymphocytes (% of WBC)</source>
        <translation>淋巴细胞 (占白细胞 %)</translation>
    </message>
    <message>
        <source>hemoglobin</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <source>fibrinogen</source>
        <translation>纤维蛋白原</translation>
    </message>
    <message>
        <source>D-dimer</source>
        <translation>D-二聚体</translation>
    </message>
    <message>
        <source>lactate dehydrogenase (LDH)</source>
        <translation>乳酸脱氢酶 (LDH)</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>谷丙转氨酶 (ALT)</translation>
    </message>
    <message>
        <source>AST</source>
        <translation>谷草转氨酶 (AST)</translation>
    </message>
    <message>
        <source>creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>triglycerides</source>
        <translation>甘油三酯</translation>
    </message>
    <message>
        <source>IgG</source>
        <translation>IgG</translation>
    </message>
    <message>
        <source>interferon-γ (IFN-γ)</source>
        <translation>γ干扰素 (IFN-γ)</translation>
    </message>
    <message>
        <source>interleukin-10 (IL-10)</source>
        <translation>白细胞介素-10 (IL-10)</translation>
    </message>
    <message>
        <source>soluble IL-2 receptor (sIL-2R)</source>
        <translation>可溶性白细胞介素-2受体 (sIL-2R)</translation>
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
        <translation>CAR-T 拷贝数</translation>
    </message>
    <message>
        <source>CAR+ cells</source>
        <translation>CAR+ 细胞</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>B 细胞</translation>
    </message>
    <message>
        <source>CD4+ T cells</source>
        <translation>CD4+ T 细胞</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>dose change</source>
        <translation>调整剂量</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>vital signs</source>
        <translation>生命体征</translation>
    </message>
    <message>
        <source>oxygen support</source>
        <translation>氧疗</translation>
    </message>
    <message>
        <source>vasopressor</source>
        <translation>升压药</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>快速补液</translation>
    </message>
    <message>
        <source>lab result</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <source>ICE / CAPD</source>
        <translation>ICE / CAPD</translation>
    </message>
    <message>
        <source>neuro exam</source>
        <translation>神经系统检查</translation>
    </message>
    <message>
        <source>medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>intervention</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS 分级</translation>
    </message>
</context>
<context>
    <name>GradeBadge</name>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
</context>
<context>
    <name>GradeBanner</name>
    <message>
        <source>not graded yet: no vital signs recorded</source>
        <translation>尚未分级：未记录生命体征</translation>
    </message>
    <message>
        <source>not assessed: no ICE / CAPD recorded</source>
        <translation>未评估：未记录 ICE / CAPD</translation>
    </message>
    <message>
        <source>no CRS criteria met</source>
        <translation>未达到 CRS 标准</translation>
    </message>
    <message>
        <source>vital signs %1</source>
        <translation>生命体征 %1</translation>
    </message>
    <message>
        <source>no vital signs</source>
        <translation>无生命体征</translation>
    </message>
    <message>
        <source>STALE: %1 (older than the 4-h window)</source>
        <translation>数据过期：%1（超过 4 小时窗口）</translation>
    </message>
    <message>
        <source>%1 %2/%3 at %4</source>
        <translation>%1 %2/%3（%4）</translation>
    </message>
    <message>
        <source>(at baseline)</source>
        <translation>（与基线相同）</translation>
    </message>
    <message>
        <source>(baseline %1, %2)</source>
        <translation>（基线 %1，%2）</translation>
    </message>
    <message>
        <source>ICANS not assessed</source>
        <translation>ICANS 未评估</translation>
    </message>
    <message>
        <source>ICE / CAPD %1</source>
        <translation>ICE / CAPD %1</translation>
    </message>
    <message>
        <source>no ICE / CAPD recorded</source>
        <translation>未记录 ICE / CAPD</translation>
    </message>
    <message>
        <source>STALE: %1 (older than the 12-h window)</source>
        <translation>数据过期：%1（超过 12 小时窗口）</translation>
    </message>
    <message>
        <source>Now: %1 — %2</source>
        <translation>当前：%1 — %2</translation>
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
        <translation>生命体征与支持治疗 (CRS)</translation>
    </message>
    <message>
        <source>Highest temperature (°F)</source>
        <translation>最高体温 (°F)</translation>
    </message>
    <message>
        <source>Highest temperature (°C)</source>
        <translation>最高体温 (°C)</translation>
    </message>
    <message>
        <source>Add vasopressor</source>
        <translation>添加升压药</translation>
    </message>
    <message>
        <source>Add a vasopressor infusion (Alt+A)</source>
        <translation>添加一种升压药输注 (Alt+A)</translation>
    </message>
    <message>
        <source>Vasopressors</source>
        <translation>升压药</translation>
    </message>
    <message>
        <source>NE-equivalent</source>
        <translation>去甲肾上腺素当量</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重 (kg)</translation>
    </message>
    <message>
        <source>Oxygen device</source>
        <translation>给氧方式</translation>
    </message>
    <message>
        <source>Oxygen flow (L/min)</source>
        <translation>氧流量 (L/min)</translation>
    </message>
    <message>
        <source>Fever masked</source>
        <translation>发热被掩盖</translation>
    </message>
    <message>
        <source>age cannot be negative</source>
        <translation>年龄不能为负数</translation>
    </message>
    <message>
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>年龄 (岁)</translation>
    </message>
    <message>
        <source>antipyretic, tocilizumab or steroid given after CRS began: fever no longer required</source>
        <translation>CRS 开始后已用退热药、托珠单抗或糖皮质激素：不再要求发热</translation>
    </message>
    <message>
        <source>Lowest systolic BP (mmHg)</source>
        <translation>最低收缩压 (mmHg)</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>低血压</translation>
    </message>
    <message>
        <source>not attributable to another cause</source>
        <translation>不能归因于其他原因</translation>
    </message>
    <message>
        <source>Oxygen for comfort only</source>
        <translation>仅为舒适给氧</translation>
    </message>
    <message>
        <source>given without hypoxia: charted, not graded</source>
        <translation>无低氧血症时给氧：记录但不分级</translation>
    </message>
    <message>
        <source>Neurological assessment (ICANS)</source>
        <translation>神经系统评估 (ICANS)</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未做</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE 评分</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>无法进行 ICE：失语 (清醒)</translation>
    </message>
    <message>
        <source>ICE cannot be done: unarousable</source>
        <translation>无法进行 ICE：不能唤醒</translation>
    </message>
    <message>
        <source>CAPD (children ≤ 12 y)</source>
        <translation>CAPD (≤ 12 岁儿童)</translation>
    </message>
    <message>
        <source>CAPD cannot be done: cannot be roused</source>
        <translation>无法进行 CAPD：不能唤醒</translation>
    </message>
    <message>
        <source>Encephalopathy</source>
        <translation>脑病评估</translation>
    </message>
    <message>
        <source>Orientation (0-4)</source>
        <translation>定向 (0-4)</translation>
    </message>
    <message>
        <source>Naming (0-3)</source>
        <translation>命名 (0-3)</translation>
    </message>
    <message>
        <source>Following commands (0-1)</source>
        <translation>遵循指令 (0-1)</translation>
    </message>
    <message>
        <source>Writing (0-1)</source>
        <translation>书写 (0-1)</translation>
    </message>
    <message>
        <source>Attention (0-1)</source>
        <translation>注意力 (0-1)</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>运动功能</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>颅内压增高 / 脑水肿</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Oxygen flow</source>
        <translation>氧流量</translation>
    </message>
    <message>
        <source>ICE incomplete: %1 of 5 items entered</source>
        <translation>ICE 未完成：已填 %1 / 5 项</translation>
    </message>
    <message>
        <source>CAPD incomplete: %1 of 8 answers entered</source>
        <translation>CAPD 未完成：已答 %1 / 8 题</translation>
    </message>
    <message>
        <source>Not graded: correct the marked field(s).</source>
        <translation>未分级：请更正标记的字段。</translation>
    </message>
    <message>
        <source>No systolic threshold is set for infants under 1 year: judge clinically.</source>
        <translation>未设定 1 岁以下婴儿的收缩压阈值：请临床判断。</translation>
    </message>
    <message>
        <source>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm</source>
        <translation>收缩压 %1 mmHg 低于该年龄阈值 %2 mmHg：是否低血压？勾选以确认</translation>
    </message>
    <message>
        <source>Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).</source>
        <translation>12 岁及以下儿童：建议用 CAPD 代替 ICE (能完成 ICE 时可用 ICE)。</translation>
    </message>
    <message>
        <source>no criterion met</source>
        <translation>未满足任何标准</translation>
    </message>
    <message>
        <source>Not assessed: no ICE / CAPD recorded.</source>
        <translation>未评估：未记录 ICE / CAPD。</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>未用升压药</translation>
    </message>
    <message>
        <source>enter the weight to convert per-kg doses</source>
        <translation>请填写体重以换算按公斤计的剂量</translation>
    </message>
    <message>
        <source>%1 µg/min</source>
        <translation>%1 µg/min</translation>
    </message>
    <message>
        <source>(high-dose vasopressors)</source>
        <translation>(大剂量升压药)</translation>
    </message>
</context>
<context>
    <name>IechsGradeForm</name>
    <message>
        <source>IEC-HS resolved or ruled out (not a §4.3.2 grade; ends the IEC-HS treatment lines)</source>
        <translation>IEC-HS 已缓解或已排除（非 §4.3.2 分级；IEC-HS 治疗建议不再显示）</translation>
    </message>
    <message>
        <source>0 — none (resolved / ruled out)</source>
        <translation>0 — 无（已缓解 / 已排除）</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Record the IEC-HS grade (physician)</source>
        <translation>录入 IEC-HS 分级（医师）</translation>
    </message>
    <message>
        <source>Immune effector cell-associated hemophagocytic lymphohistiocytosis-like syndrome (IEC-HS)</source>
        <translation>免疫效应细胞相关噬血细胞性淋巴组织细胞增生症样综合征 (IEC-HS)</translation>
    </message>
    <message>
        <source>The physician confirms IEC-HS and grades it; the app never computes the grade. A grade stays in force until a newer record: record 0 when IEC-HS has resolved or is ruled out.</source>
        <translation>由医师确认 IEC-HS 并分级；本软件从不计算该分级。已录入的分级持续有效，直至有更新的记录：IEC-HS 缓解或排除时请录入 0。</translation>
    </message>
    <message>
        <source>&amp;0 — none</source>
        <translation>&amp;0 — 无</translation>
    </message>
    <message>
        <source>Grade &amp;%1</source>
        <translation>&amp;%1 级</translation>
    </message>
    <message>
        <source>Grade descriptions: %1. Treatment lines follow the protocol in force (§4.3.3-4.3.4).</source>
        <translation>分级描述：%1。治疗建议依据当前生效的方案（§4.3.3-4.3.4）。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. what confirmed it; CRS, infection and progression excluded</source>
        <translation>例如：确诊依据；已排除 CRS、感染及疾病进展</translation>
    </message>
    <message>
        <source>Only a physician records an IEC-HS grade (you are signed in as %1). The descriptions are shown for reference; nothing can be saved here.</source>
        <translation>仅医师可录入 IEC-HS 分级（当前登录用户：%1）。以下描述仅供参考，此处无法保存。</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>choose the IEC-HS grade (0 when resolved or ruled out)</source>
        <translation>请选择 IEC-HS 分级（已缓解或已排除时选 0）</translation>
    </message>
    <message>
        <source>No IEC-HS grade recorded.</source>
        <translation>未录入 IEC-HS 分级。</translation>
    </message>
    <message>
        <source>IEC-HS resolved / ruled out</source>
        <translation>IEC-HS 已缓解 / 已排除</translation>
    </message>
    <message>
        <source>IEC-HS grade %1 in force (until a newer IEC-HS record)</source>
        <translation>当前 IEC-HS %1 级（持续有效，直至有更新的 IEC-HS 记录）</translation>
    </message>
    <message>
        <source>recorded %1 (%2 h ago) by %3</source>
        <translation>由 %3 于 %1 录入（%2 小时前）</translation>
    </message>
    <message>
        <source>IEC-HS (recorded by the physician)</source>
        <translation>IEC-HS（医师录入）</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>InterventionForm</name>
    <message>
        <source>Record an intervention</source>
        <translation>录入干预措施</translation>
    </message>
    <message>
        <source>&amp;Intervention</source>
        <translation>干预措施(&amp;I)</translation>
    </message>
    <message>
        <source>e.g. CT head: no bleeding; required for “other”</source>
        <translation>例如 头颅 CT：未见出血；“其他”时必填</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>say what was done</source>
        <translation>请说明所做操作</translation>
    </message>
</context>
<context>
    <name>LabForm</name>
    <message>
        <source>Record a lab result</source>
        <translation>录入检验结果</translation>
    </message>
    <message>
        <source>Collected &amp;at</source>
        <translation>采样时间(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Analyte</source>
        <translation>检验项目(&amp;A)</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>必须大于或等于 0</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>stored as %1 %2 (entered value and unit kept)</source>
        <translation>存储为 %1 %2 (保留录入值和单位)</translation>
    </message>
    <message>
        <source>enter the value</source>
        <translation>请输入数值</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>cartox_desk — CRS / ICANS grading</source>
        <translation>cartox_desk — CRS / ICANS 分级</translation>
    </message>
    <message>
        <source>&amp;Assess</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Ward</source>
        <translation>病区(&amp;W)</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>患者一览</translation>
    </message>
    <message>
        <source>Back to the ward census (Ctrl+H)</source>
        <translation>返回病区患者一览 (Ctrl+H)</translation>
    </message>
    <message>
        <source>Print ward…</source>
        <translation>打印病区…</translation>
    </message>
    <message>
        <source>Quick grading (no patient)</source>
        <translation>快速分级（不关联患者）</translation>
    </message>
    <message>
        <source>Grade typed values without saving (Ctrl+G)</source>
        <translation>对输入值分级，不保存 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Change user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>ICE assessment…</source>
        <translation>ICE 评估…</translation>
    </message>
    <message>
        <source>ICE assessment (Ctrl+I)</source>
        <translation>ICE 评估 (Ctrl+I)</translation>
    </message>
    <message>
        <source>CAPD assessment (children)…</source>
        <translation>CAPD 评估 (儿童)…</translation>
    </message>
    <message>
        <source>CAPD assessment (Ctrl+Shift+I)</source>
        <translation>CAPD 评估 (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Ward settings (Ctrl+,)</source>
        <translation>病区设置 (Ctrl+,)</translation>
    </message>
    <message>
        <source>DEMO — synthetic patients</source>
        <translation>演示 — 虚拟患者</translation>
    </message>
    <message>
        <source>Grade rise</source>
        <translation>分级升高</translation>
    </message>
    <message>
        <source>Review the grade drivers and the recommended management.</source>
        <translation>请查看分级依据和建议的处理。</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>当前操作人员是谁？</translation>
    </message>
    <message>
        <source>Choose a user first (Ward ▸ Change user…): every record carries it.</source>
        <translation>请先选择用户（病区 ▸ 切换用户…）：每条记录都带有操作人员。</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <source>This entry form is not available in this build yet.</source>
        <translation>此版本尚未提供该录入表单。</translation>
    </message>
    <message>
        <source>The ICE / CAPD flow is not available in this build yet.</source>
        <translation>此版本尚未提供 ICE / CAPD 评估流程。</translation>
    </message>
    <message>
        <source>The amendment dialog is not available in this build yet.</source>
        <translation>此版本尚未提供更正对话框。</translation>
    </message>
    <message>
        <source>Cannot amend</source>
        <translation>无法更正</translation>
    </message>
    <message>
        <source>Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders.</source>
        <translation>分级依据 ASTCT-2019 (CSCO-2024 采用)。仅供临床医生参考，不是医嘱。</translation>
    </message>
</context>
<context>
    <name>ManagementPanel</name>
    <message>
        <source>Management &amp; alerts</source>
        <translation>处理建议与警示</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Done (D)</source>
        <translation>已完成 (D)</translation>
    </message>
    <message>
        <source>Mark the selected recommendation done (D)</source>
        <translation>将所选建议标记为已完成 (D)</translation>
    </message>
    <message>
        <source>Not indicated (X)</source>
        <translation>不适用 (X)</translation>
    </message>
    <message>
        <source>Mark the selected recommendation not indicated (X)</source>
        <translation>将所选建议标记为不适用 (X)</translation>
    </message>
    <message>
        <source>Acknowledge (K)</source>
        <translation>已知悉 (K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alert (K)</source>
        <translation>确认已知悉所选警示 (K)</translation>
    </message>
    <message>
        <source>Ticks and acknowledgements are kept for this session only (not saved yet).</source>
        <translation>勾选和确认仅在本次会话中保留（尚未保存）。</translation>
    </message>
    <message>
        <source> — done (%1)</source>
        <translation> — 已完成（%1）</translation>
    </message>
    <message>
        <source> — not indicated (%1)</source>
        <translation> — 不适用（%1）</translation>
    </message>
    <message>
        <source> — acknowledged (%1)</source>
        <translation> — 已知悉（%1）</translation>
    </message>
    <message>
        <source>Ticks and acknowledgements are saved in the record with your name.</source>
        <translation>勾选和确认将连同您的姓名保存在记录中。</translation>
    </message>
    <message>
        <source>Recommended management</source>
        <translation>建议的处理</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>警示（%1）</translation>
    </message>
    <message>
        <source>Doses (arithmetic shown)</source>
        <translation>剂量（含计算过程）</translation>
    </message>
    <message>
        <source>CRS %1 · ICANS %2</source>
        <translation>CRS %1 · ICANS %2</translation>
    </message>
    <message>
        <source>Recommended for the current grades (%1)</source>
        <translation>当前分级的建议（%1）</translation>
    </message>
    <message>
        <source>Prophylaxis and monitoring</source>
        <translation>预防与监测</translation>
    </message>
    <message>
        <source>if applicable: %1</source>
        <translation>如适用：%1</translation>
    </message>
    <message>
        <source>cannot be decided (data missing): %1</source>
        <translation>无法判断（缺少数据）：%1</translation>
    </message>
    <message>
        <source>escalation: %1</source>
        <translation>升级处理：%1</translation>
    </message>
    <message>
        <source>no grade-specific management (grade 0)</source>
        <translation>无分级相关处理（0 级）</translation>
    </message>
    <message>
        <source>Risk flags (%1)</source>
        <translation>风险因素（%1）</translation>
    </message>
    <message>
        <source>Withdraw the mark</source>
        <translation>撤回标记</translation>
    </message>
    <message>
        <source>Why is this mark withdrawn? (It stays in the record with your name.)</source>
        <translation>撤回此标记的原因？（原标记连同您的姓名保留在记录中。）</translation>
    </message>
</context>
<context>
    <name>MedicationForm</name>
    <message>
        <source>Record a medication</source>
        <translation>录入用药</translation>
    </message>
    <message>
        <source>&amp;Drug</source>
        <translation>药物(&amp;D)</translation>
    </message>
    <message>
        <source>product or drug name (required for “other”)</source>
        <translation>产品或药物名称 (“其他”时必填)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>route</source>
        <translation>途径</translation>
    </message>
    <message>
        <source>D&amp;ose</source>
        <translation>剂量(&amp;O)</translation>
    </message>
    <message>
        <source>weight not recorded: the dose cannot be calculated (%1 mg/kg)</source>
        <translation>未记录体重：无法计算剂量 (%1 mg/kg)</translation>
    </message>
    <message>
        <source>capped at %1 mg per dose</source>
        <translation>单次剂量上限 %1 mg</translation>
    </message>
    <message>
        <source>dose %1 of %2</source>
        <translation>第 %1 剂 / 共 %2 剂</translation>
    </message>
    <message>
        <source>no further dose after this one</source>
        <translation>此剂之后不可再给药</translation>
    </message>
    <message>
        <source>next allowed after %1</source>
        <translation>%1 之后方可再次给药</translation>
    </message>
    <message>
        <source>%1 doses of tocilizumab have already been given: at most %2 in total (REVIEW-2022, label). A further dose is refused.</source>
        <translation>已使用托珠单抗 %1 剂：总计最多 %2 剂 (REVIEW-2022，说明书)。拒绝再次给药。</translation>
    </message>
    <message>
        <source>%1 doses were given in the last 24 h: at most %2 in 24 h (ASCO-2021). Next allowed after %3.</source>
        <translation>过去 24 小时内已给药 %1 剂：24 小时内最多 %2 剂 (ASCO-2021)。%3 之后方可再次给药。</translation>
    </message>
    <message>
        <source>The last dose was at %1: at least %2 h between doses. Next allowed after %3.</source>
        <translation>上次给药时间 %1：两次给药至少间隔 %2 小时。%3 之后方可再次给药。</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>已拒绝：</translation>
    </message>
    <message>
        <source>⚠ differs from the calculated dose %1 mg</source>
        <translation>⚠ 与计算剂量 %1 mg 不同</translation>
    </message>
    <message>
        <source>Tocilizumab dose limit</source>
        <translation>托珠单抗剂量限制</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>Tocilizumab refused by the dose limits: nothing was saved.</source>
        <translation>托珠单抗超出剂量限制：未保存。</translation>
    </message>
    <message>
        <source>enter the dose</source>
        <translation>请输入剂量</translation>
    </message>
    <message>
        <source>enter the unit</source>
        <translation>请输入单位</translation>
    </message>
    <message>
        <source>name the drug</source>
        <translation>请填写药物名称</translation>
    </message>
</context>
<context>
    <name>MultiCheckStep</name>
    <message>
        <source>Press the number of each sign present; N = none. Enter when done.</source>
        <translation>按下每个存在体征的数字；N = 均无。完成后按 Enter。</translation>
    </message>
    <message>
        <source>[N]  none of these</source>
        <translation>[N]  均无</translation>
    </message>
</context>
<context>
    <name>NeuroExamForm</name>
    <message>
        <source>Record a neuro exam</source>
        <translation>录入神经系统检查</translation>
    </message>
    <message>
        <source>Level of &amp;consciousness</source>
        <translation>意识水平(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Seizure</source>
        <translation>癫痫发作(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Motor findings</source>
        <translation>运动功能(&amp;M)</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>颅内压增高 / 脑水肿</translation>
    </message>
    <message>
        <source>e.g. MRI: no edema</source>
        <translation>例如 MRI：未见水肿</translation>
    </message>
    <message>
        <source>&amp;Imaging result</source>
        <translation>影像结果(&amp;I)</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1” 不是数字</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>生命体征</translation>
    </message>
    <message>
        <source>Oxygen / vasopressors</source>
        <translation>吸氧 / 升压药</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>ICE / CAPD</source>
        <translation>ICE / CAPD</translation>
    </message>
    <message>
        <source>Neuro</source>
        <translation>神经系统</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>IEC-HS</source>
        <translation>IEC-HS</translation>
    </message>
    <message>
        <source>◂ Census (Esc)</source>
        <translation>◂ 患者一览 (Esc)</translation>
    </message>
    <message>
        <source>Back to the ward census (Esc, Alt+Left)</source>
        <translation>返回病区患者一览 (Esc, Alt+Left)</translation>
    </message>
    <message>
        <source>Vitals (V)</source>
        <translation>生命体征 (V)</translation>
    </message>
    <message>
        <source>Record vital signs, oxygen and vasopressors (V)</source>
        <translation>记录生命体征、吸氧和升压药 (V)</translation>
    </message>
    <message>
        <source>Labs (L)</source>
        <translation>检验 (L)</translation>
    </message>
    <message>
        <source>Record lab results (L)</source>
        <translation>记录检验结果 (L)</translation>
    </message>
    <message>
        <source>Neuro (N)</source>
        <translation>神经查体 (N)</translation>
    </message>
    <message>
        <source>Record a neuro exam (N)</source>
        <translation>记录神经系统查体 (N)</translation>
    </message>
    <message>
        <source>Medication (M)</source>
        <translation>用药 (M)</translation>
    </message>
    <message>
        <source>Record a medication given (M)</source>
        <translation>记录给药 (M)</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Record an intervention (ICU, intubation…)</source>
        <translation>记录干预措施（转入 ICU、插管…）</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS 分级</translation>
    </message>
    <message>
        <source>Record the IEC-HS grade (physician; CSCO-2024 §4.3.2)</source>
        <translation>录入 IEC-HS 分级（医师；CSCO-2024 §4.3.2）</translation>
    </message>
    <message>
        <source>ICE / CAPD (I)</source>
        <translation>ICE / CAPD (I)</translation>
    </message>
    <message>
        <source>ICE (adults) or CAPD (children) (I)</source>
        <translation>ICE（成人）或 CAPD（儿童）(I)</translation>
    </message>
    <message>
        <source>Amend… (A)</source>
        <translation>更正… (A)</translation>
    </message>
    <message>
        <source>Correct the selected record; asks for a reason (A)</source>
        <translation>更正所选记录，需填写原因 (A)</translation>
    </message>
    <message>
        <source>History (H)</source>
        <translation>历史版本 (H)</translation>
    </message>
    <message>
        <source>Every version of the selected record (H)</source>
        <translation>所选记录的所有版本 (H)</translation>
    </message>
    <message>
        <source>Print daily summary (Ctrl+P)</source>
        <translation>打印每日毒性反应总结 (Ctrl+P)</translation>
    </message>
    <message>
        <source>PDF of the patient&apos;s day for rounds (Ctrl+P)</source>
        <translation>患者当日 PDF，用于查房 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export charts… (Ctrl+E)</source>
        <translation>导出趋势图… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save the visible charts as a PNG image or an SVG drawing (Ctrl+E)</source>
        <translation>将当前显示的趋势图保存为 PNG 图片或 SVG 矢量图 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Select a record in another tab and press H (or double-click it) to see every version.</source>
        <translation>在其他标签页中选择一条记录并按 H（或双击）查看所有版本。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出趋势图</translation>
    </message>
    <message>
        <source>The charts could not be saved:
%1</source>
        <translation>无法保存趋势图：
%1</translation>
    </message>
    <message>
        <source>Choose a user first: marks carry a name.</source>
        <translation>请先选择用户：标记需带有操作人员姓名。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Could not load the patient: %1</source>
        <translation>无法加载患者：%1</translation>
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
        <translation>无法绘制趋势图：%1</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>%1 床</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>weight not recorded</source>
        <translation>未记录体重</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>回输后 D%1</translation>
    </message>
    <message>
        <source>baseline CAPD %1</source>
        <translation>基线 CAPD %1</translation>
    </message>
    <message>
        <source>baseline ICE %1</source>
        <translation>基线 ICE %1</translation>
    </message>
    <message>
        <source>no baseline ICE / CAPD</source>
        <translation>无基线 ICE / CAPD</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>正在加载版本…</translation>
    </message>
    <message>
        <source>%1 record %2: original and %3 amendment(s)</source>
        <translation>%1 记录 %2：原始记录及 %3 次更正</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print daily summary</source>
        <translation>打印每日毒性反应总结</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>%1 床</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Day </source>
        <translation>回输后 D</translation>
    </message>
    <message>
        <source>Day +N since infusion; the ward day starts at 08:00</source>
        <translation>回输后第 N 天；病区日从 08:00 开始</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>天数(&amp;D)</translation>
    </message>
    <message>
        <source>Print ward</source>
        <translation>打印病区</translation>
    </message>
    <message>
        <source>The ward day that starts at 08:00 on this date</source>
        <translation>该日期 08:00 开始的病区日</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <source>Open the PDF when it is ready (print from the viewer)</source>
        <translation>生成后打开 PDF（在阅读器中打印）</translation>
    </message>
    <message>
        <source>Generate PDF (Enter)</source>
        <translation>生成 PDF (Enter)</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Could not generate the PDF: %1</source>
        <translation>无法生成 PDF：%1</translation>
    </message>
</context>
<context>
    <name>RangeCheck</name>
    <message>
        <source>%1 is outside the accepted range %2</source>
        <translation>%1 超出允许范围 %2</translation>
    </message>
    <message>
        <source>a dose must be greater than 0</source>
        <translation>剂量必须大于 0</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Clinical time: now by default; edit it for a late entry</source>
        <translation>临床时间：默认为当前时间；补录时请修改</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>%1 床</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>weight not recorded</source>
        <translation>未记录体重</translation>
    </message>
    <message>
        <source>the time is more than 5 minutes in the future</source>
        <translation>时间超过当前时间 5 分钟以上</translation>
    </message>
    <message>
        <source>the time is before the date of birth</source>
        <translation>时间早于出生日期</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the marked field(s).</source>
        <translation>未保存任何内容：请更正标记的项目。</translation>
    </message>
    <message>
        <source>Nothing to save: enter at least one value.</source>
        <translation>没有可保存的内容：请至少输入一个数值。</translation>
    </message>
</context>
<context>
    <name>RecordTables</name>
    <message>
        <source>Temp °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>心率 /分</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>血压 mmHg</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>平均动脉压</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>呼吸 /分</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>低血压</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation>吸氧</translation>
    </message>
    <message>
        <source>vasopressor</source>
        <translation>升压药</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>补液</translation>
    </message>
    <message>
        <source> (for comfort)</source>
        <translation>（舒适性吸氧）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Analyte</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>As entered</source>
        <translation>录入值</translation>
    </message>
    <message>
        <source>cannot be done: %1</source>
        <translation>无法完成：%1</translation>
    </message>
    <message>
        <source>cannot be roused</source>
        <translation>不能唤醒</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <source>Motor</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>Raised ICP signs</source>
        <translation>颅内压增高体征</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>途径</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>IEC-HS grade</source>
        <translation>IEC-HS 分级</translation>
    </message>
    <message>
        <source>Description (CSCO-2024 §4.3.2)</source>
        <translation>描述（CSCO-2024 §4.3.2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Amended (corrects record %1): %2</source>
        <translation>已更正（更正记录 %1）：%2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始记录</translation>
    </message>
    <message>
        <source>amendment %1</source>
        <translation>第 %1 次更正</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
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
        <translation>ICANS 分级</translation>
    </message>
    <message>
        <source>Enter = finish and hand over for saving · Backspace = back</source>
        <translation>Enter = 完成并提交保存 · Backspace = 返回</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <source>Hospital name (ICE orientation)</source>
        <translation>医院名称 (ICE 定向)</translation>
    </message>
    <message>
        <source>City (ICE orientation)</source>
        <translation>城市 (ICE 定向)</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>界面语言 (重启后生效)</translation>
    </message>
    <message>
        <source>Temperature unit</source>
        <translation>体温单位</translation>
    </message>
    <message>
        <source>China (10^9/L, g/L, µmol/L)</source>
        <translation>中国 (10^9/L、g/L、µmol/L)</translation>
    </message>
    <message>
        <source>US (10^3/µL, g/dL, mg/dL)</source>
        <translation>美国 (10^3/µL、g/dL、mg/dL)</translation>
    </message>
    <message>
        <source>Laboratory units</source>
        <translation>化验单位</translation>
    </message>
    <message>
        <source>ICE writing sentence (Chinese)</source>
        <translation>ICE 书写句子 (中文)</translation>
    </message>
    <message>
        <source>ICE writing sentence (English)</source>
        <translation>ICE 书写句子 (英文)</translation>
    </message>
    <message>
        <source>ICE / CAPD schedule (clinical-rules §6)</source>
        <translation>ICE / CAPD 评估频次 (clinical-rules §6)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Routine interval</source>
        <translation>常规间隔</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>for</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>After any drop: every</source>
        <translation>评分下降后：每</translation>
    </message>
    <message>
        <source>Then every</source>
        <translation>之后每</translation>
    </message>
    <message>
        <source>Until back to baseline for</source>
        <translation>直至恢复基线并持续</translation>
    </message>
    <message>
        <source>Hypotension proposal (clinical-rules §1 rule 8)</source>
        <translation>低血压提示 (clinical-rules §1 rule 8)</translation>
    </message>
    <message>
        <source>Adults: systolic below</source>
        <translation>成人：收缩压低于</translation>
    </message>
    <message>
        <source>× age in years (ages 1-10)</source>
        <translation>× 年龄 (岁) (1-10 岁)</translation>
    </message>
    <message>
        <source>Children: systolic below</source>
        <translation>儿童：收缩压低于</translation>
    </message>
    <message>
        <source>Management protocol</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <source>Protocol in force</source>
        <translation>当前执行的方案</translation>
    </message>
    <message>
        <source>Use CSCO-2024 (default)</source>
        <translation>使用 CSCO-2024 (默认)</translation>
    </message>
    <message>
        <source>Use ASCO-2021</source>
        <translation>使用 ASCO-2021</translation>
    </message>
    <message>
        <source>Load protocol file…</source>
        <translation>载入方案文件…</translation>
    </message>
    <message>
        <source>none could be loaded</source>
        <translation>无法载入任何方案</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 版本 %2</translation>
    </message>
    <message>
        <source>This protocol cannot be used; the current one stays:</source>
        <translation>此方案无法使用，继续使用当前方案：</translation>
    </message>
    <message>
        <source>Load protocol file</source>
        <translation>载入方案文件</translation>
    </message>
    <message>
        <source>Protocol files (*.json)</source>
        <translation>方案文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>room air</source>
        <translation>未吸氧 (室内空气)</translation>
    </message>
    <message>
        <source>blow-by</source>
        <translation>吹氧 (blow-by)</translation>
    </message>
    <message>
        <source>nasal cannula</source>
        <translation>鼻导管</translation>
    </message>
    <message>
        <source>face mask</source>
        <translation>面罩</translation>
    </message>
    <message>
        <source>non-rebreather</source>
        <translation>非重复呼吸面罩</translation>
    </message>
    <message>
        <source>Venturi mask</source>
        <translation>文丘里面罩</translation>
    </message>
    <message>
        <source>CPAP</source>
        <translation>持续气道正压通气 (CPAP)</translation>
    </message>
    <message>
        <source>BiPAP</source>
        <translation>双水平正压通气 (BiPAP)</translation>
    </message>
    <message>
        <source>mechanical ventilation</source>
        <translation>机械通气</translation>
    </message>
    <message>
        <source>norepinephrine</source>
        <translation>去甲肾上腺素</translation>
    </message>
    <message>
        <source>epinephrine</source>
        <translation>肾上腺素</translation>
    </message>
    <message>
        <source>phenylephrine</source>
        <translation>去氧肾上腺素</translation>
    </message>
    <message>
        <source>dopamine</source>
        <translation>多巴胺</translation>
    </message>
    <message>
        <source>vasopressin</source>
        <translation>血管升压素</translation>
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
        <translation>清醒</translation>
    </message>
    <message>
        <source>awakens spontaneously</source>
        <translation>自然唤醒</translation>
    </message>
    <message>
        <source>awakens to voice</source>
        <translation>声音唤醒</translation>
    </message>
    <message>
        <source>awakens only to touch</source>
        <translation>仅可通过触觉刺激唤醒</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>不能唤醒</translation>
    </message>
    <message>
        <source>no seizure</source>
        <translation>无癫痫发作</translation>
    </message>
    <message>
        <source>seizure, resolved rapidly</source>
        <translation>癫痫发作，迅速缓解</translation>
    </message>
    <message>
        <source>seizure &gt; 5 min or repetitive</source>
        <translation>癫痫发作 &gt; 5 分钟或反复发作</translation>
    </message>
    <message>
        <source>no focal weakness</source>
        <translation>无局部运动减弱</translation>
    </message>
    <message>
        <source>deep focal motor weakness (hemiparesis)</source>
        <translation>深度局部运动减弱 (偏瘫)</translation>
    </message>
    <message>
        <source>focal cerebral edema</source>
        <translation>局部脑水肿</translation>
    </message>
    <message>
        <source>diffuse cerebral edema</source>
        <translation>弥漫性脑水肿</translation>
    </message>
    <message>
        <source>decerebrate or decorticate posturing</source>
        <translation>去脑或去皮质状态</translation>
    </message>
    <message>
        <source>cranial nerve VI palsy</source>
        <translation>脑神经VI麻痹</translation>
    </message>
    <message>
        <source>papilledema</source>
        <translation>视神经盘水肿</translation>
    </message>
    <message>
        <source>Cushing&apos;s triad</source>
        <translation>库欣三联征</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>rarely</source>
        <translation>很少</translation>
    </message>
    <message>
        <source>sometimes</source>
        <translation>有时</translation>
    </message>
    <message>
        <source>often</source>
        <translation>经常</translation>
    </message>
    <message>
        <source>always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— 未记录 —</translation>
    </message>
    <message>
        <source>cytokine release syndrome (CRS)</source>
        <translation>细胞因子释放综合征 (CRS)</translation>
    </message>
    <message>
        <source>immune effector cell-associated neurotoxicity syndrome (ICANS)</source>
        <translation>免疫效应细胞相关神经毒性综合征 (ICANS)</translation>
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
        <translation>回输后天数</translation>
    </message>
    <message>
        <source>D-7 … D+14</source>
        <translation>D-7 … D+14</translation>
    </message>
    <message>
        <source>Lymphodepletion to day +14</source>
        <translation>清淋至回输后第 14 天</translation>
    </message>
    <message>
        <source>D0 … D+30</source>
        <translation>D0 … D+30</translation>
    </message>
    <message>
        <source>Day 0 to day +30</source>
        <translation>回输当天至回输后第 30 天</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan · legend: show / hide</source>
        <translation>滚轮：缩放 · 拖动：平移 · 图例：显示 / 隐藏</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Trends since CAR-T infusion</source>
        <translation>CAR-T 回输以来的趋势</translation>
    </message>
    <message>
        <source>anti-IL</source>
        <translation>抗IL</translation>
    </message>
    <message>
        <source>support</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>mmHg · /min</source>
        <translation>mmHg · /分</translation>
    </message>
    <message>
        <source>NE-eq. µg/min</source>
        <translation>去甲肾上腺素当量 µg/min</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>无升压药</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>flow not recorded</source>
        <translation>未记录流量</translation>
    </message>
    <message>
        <source>for comfort (not graded)</source>
        <translation>舒适性吸氧（不计入分级）</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>counts (log)</source>
        <translation>血细胞计数（对数）</translation>
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
        <translation>未评估</translation>
    </message>
    <message>
        <source>grade {n}</source>
        <translation>{n} 级</translation>
    </message>
    <message>
        <source>CAR-T infusion</source>
        <translation>CAR-T 回输</translation>
    </message>
    <message>
        <source>dose {n} of {of}</source>
        <translation>第 {n} / {of} 剂</translation>
    </message>
    <message>
        <source>aphasia</source>
        <translation>失语</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>不能唤醒</translation>
    </message>
    <message>
        <source>Labs on the cytokine panel</source>
        <translation>细胞因子面板中的化验项目</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>DBP</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>平均动脉压</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>呼吸频率</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>NE-eq.</source>
        <translation>去甲肾上腺素当量</translation>
    </message>
    <message>
        <source>O2 support</source>
        <translation>氧疗支持</translation>
    </message>
    <message>
        <source>O2 flow</source>
        <translation>氧流量</translation>
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
        <translation>C反应蛋白</translation>
    </message>
    <message>
        <source>ferritin</source>
        <translation>铁蛋白</translation>
    </message>
    <message>
        <source>fibrinogen</source>
        <translation>纤维蛋白原</translation>
    </message>
    <message>
        <source>LDH</source>
        <translation>LDH</translation>
    </message>
    <message>
        <source>PLT</source>
        <translation>血小板</translation>
    </message>
    <message>
        <source>ANC</source>
        <translation>中性粒细胞绝对值</translation>
    </message>
    <message>
        <source>WBC</source>
        <translation>白细胞</translation>
    </message>
    <message>
        <source>lymphocytes</source>
        <translation>淋巴细胞</translation>
    </message>
    <message>
        <source>Hb</source>
        <translation>血红蛋白</translation>
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
        <translation>甘油三酯</translation>
    </message>
    <message>
        <source>creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>D-dimer</source>
        <translation>D-二聚体</translation>
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
        <translation>CAR-T 拷贝数</translation>
    </message>
    <message>
        <source>CAR+ cells</source>
        <translation>CAR+ 细胞</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>B 细胞</translation>
    </message>
    <message>
        <source>CD4</source>
        <translation>CD4</translation>
    </message>
    <message>
        <source>antipyretic</source>
        <translation>退热药</translation>
    </message>
    <message>
        <source>fluid bolus</source>
        <translation>快速补液</translation>
    </message>
    <message>
        <source>tocilizumab</source>
        <translation>托珠单抗</translation>
    </message>
    <message>
        <source>steroid</source>
        <translation>糖皮质激素</translation>
    </message>
    <message>
        <source>anakinra</source>
        <translation>阿那白滞素</translation>
    </message>
    <message>
        <source>siltuximab</source>
        <translation>司妥昔单抗</translation>
    </message>
    <message>
        <source>ICU transfer</source>
        <translation>转入 ICU</translation>
    </message>
    <message>
        <source>intubation</source>
        <translation>气管插管</translation>
    </message>
    <message>
        <source>blood purification (CRRT)</source>
        <translation>血液净化 (CRRT)</translation>
    </message>
    <message>
        <source>plasma exchange</source>
        <translation>血浆置换</translation>
    </message>
    <message>
        <source>ICE not possible</source>
        <translation>无法完成 ICE</translation>
    </message>
    <message>
        <source>CAPD not possible</source>
        <translation>无法完成 CAPD</translation>
    </message>
    <message>
        <source>ICU</source>
        <translation>ICU</translation>
    </message>
    <message>
        <source>intub.</source>
        <translation>插管</translation>
    </message>
    <message>
        <source>CRRT</source>
        <translation>CRRT</translation>
    </message>
    <message>
        <source>PE</source>
        <translation>血浆置换</translation>
    </message>
    <message>
        <source>ANK</source>
        <translation>阿那</translation>
    </message>
    <message>
        <source>SIL</source>
        <translation>司妥</translation>
    </message>
    <message>
        <source>norepinephrine</source>
        <translation>去甲肾上腺素</translation>
    </message>
    <message>
        <source>epinephrine</source>
        <translation>肾上腺素</translation>
    </message>
    <message>
        <source>phenylephrine</source>
        <translation>去氧肾上腺素</translation>
    </message>
    <message>
        <source>dopamine</source>
        <translation>多巴胺</translation>
    </message>
    <message>
        <source>vasopressin</source>
        <translation>血管升压素</translation>
    </message>
    <message>
        <source>dexamethasone</source>
        <translation>地塞米松</translation>
    </message>
    <message>
        <source>methylprednisolone</source>
        <translation>甲泼尼龙</translation>
    </message>
    <message>
        <source>RA</source>
        <translation>空气</translation>
    </message>
    <message>
        <source>blow-by</source>
        <translation>吹氧</translation>
    </message>
    <message>
        <source>NC</source>
        <translation>鼻导管</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>面罩</translation>
    </message>
    <message>
        <source>NRB</source>
        <translation>非重复呼吸面罩</translation>
    </message>
    <message>
        <source>Venturi</source>
        <translation>文丘里面罩</translation>
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
        <translation>机械通气</translation>
    </message>
    <message>
        <source>room air</source>
        <translation>未吸氧</translation>
    </message>
    <message>
        <source>low-flow</source>
        <translation>低流量</translation>
    </message>
    <message>
        <source>high-flow / mask</source>
        <translation>高流量 / 面罩</translation>
    </message>
    <message>
        <source>positive pressure</source>
        <translation>正压通气</translation>
    </message>
    <message>
        <source>LF</source>
        <translation>低流量</translation>
    </message>
    <message>
        <source>HF</source>
        <translation>高流量</translation>
    </message>
    <message>
        <source>PP</source>
        <translation>正压</translation>
    </message>
    <message>
        <source>Treatments and interventions</source>
        <translation>治疗与干预</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Blood pressure, heart rate, vasopressors</source>
        <translation>血压、心率、升压药</translation>
    </message>
    <message>
        <source>Oxygen support and SpO2</source>
        <translation>氧疗支持与 SpO2</translation>
    </message>
    <message>
        <source>Cytokines and inflammatory markers</source>
        <translation>细胞因子与炎症指标</translation>
    </message>
    <message>
        <source>Blood counts</source>
        <translation>血细胞计数</translation>
    </message>
    <message>
        <source>CRS / ICANS grades, ICE / CAPD</source>
        <translation>CRS / ICANS 分级，ICE / CAPD</translation>
    </message>
    <message>
        <source>Rx</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>BP · HR</source>
        <translation>血压 · 心率</translation>
    </message>
    <message>
        <source>labs</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>血细胞</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>当前操作人员是谁？</translation>
    </message>
    <message>
        <source>Every record you enter carries your name. Pick yourself, or add yourself once; this laptop remembers the last choice.</source>
        <translation>您录入的每条记录都会带有您的姓名。请选择自己，或首次添加自己；本机会记住上次的选择。</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>full name, e.g. Li Na</source>
        <translation>全名，例如 李娜</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add this user and select them (Alt+A)</source>
        <translation>添加该用户并选中 (Alt+A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>开始 (Enter)</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>退出 (Esc)</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>请先输入姓名。</translation>
    </message>
    <message>
        <source>%1 already exists: selected.</source>
        <translation>%1 已存在：已选中。</translation>
    </message>
    <message>
        <source>Pick a user, or add one.</source>
        <translation>请选择或添加用户。</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>未通过验证。</translation>
    </message>
</context>
<context>
    <name>VasopressorEntry</name>
    <message>
        <source>Remove this line (nothing is recorded for it)</source>
        <translation>删除此行 (不记录)</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Record that this infusion was stopped</source>
        <translation>记录该药已停用</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>自 %1 起使用中</translation>
    </message>
    <message>
        <source>a dose in %1 needs the patient&apos;s weight, which is not recorded: enter it in µg/min, or record the weight first</source>
        <translation>以 %1 为单位的剂量需要患者体重，但未记录体重：请以 µg/min 录入，或先记录体重</translation>
    </message>
    <message>
        <source>%1 is not given in %2</source>
        <translation>%1 不以 %2 为单位给药</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>not converted</source>
        <translation>不换算</translation>
    </message>
    <message>
        <source>= %1 µg/min NE</source>
        <translation>= %1 µg/min 去甲肾上腺素当量</translation>
    </message>
</context>
<context>
    <name>VasopressorRow</name>
    <message>
        <source>dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Remove this vasopressor</source>
        <translation>删除此升压药</translation>
    </message>
    <message>
        <source>enter the dose</source>
        <translation>请填写剂量</translation>
    </message>
</context>
<context>
    <name>VitalsForm</name>
    <message>
        <source>Record vital signs</source>
        <translation>录入生命体征</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>生命体征</translation>
    </message>
    <message>
        <source>Temperature (°F)</source>
        <translation>体温 (°F)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温 (°C)</translation>
    </message>
    <message>
        <source>Heart rate (/min)</source>
        <translation>心率 (次/分)</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>呼吸 (次/分)</translation>
    </message>
    <message>
        <source>Systolic BP (mmHg)</source>
        <translation>收缩压 (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic BP (mmHg)</source>
        <translation>舒张压 (mmHg)</translation>
    </message>
    <message>
        <source>Mean BP (mmHg)</source>
        <translation>平均动脉压 (mmHg)</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>血氧饱和度 SpO2 (%)</translation>
    </message>
    <message>
        <source>&amp;Hypotension confirmed</source>
        <translation>确认低血压(&amp;H)</translation>
    </message>
    <message>
        <source>Low blood pressure not attributable to another cause (the nurse&apos;s observation)</source>
        <translation>不能以其他原因解释的低血压 (护士观察)</translation>
    </message>
    <message>
        <source>Oxygen support</source>
        <translation>氧疗</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>给氧方式</translation>
    </message>
    <message>
        <source>Flow (L/min)</source>
        <translation>氧流量 (L/min)</translation>
    </message>
    <message>
        <source>For comfort only (charted, not graded)</source>
        <translation>仅为舒适给氧 (记录，不参与分级)</translation>
    </message>
    <message>
        <source>Vasopressors</source>
        <translation>升压药</translation>
    </message>
    <message>
        <source>Add vasopressor (Alt+A)</source>
        <translation>添加升压药 (Alt+A)</translation>
    </message>
    <message>
        <source>Start a vasopressor infusion (Alt+A)</source>
        <translation>开始使用升压药 (Alt+A)</translation>
    </message>
    <message>
        <source>Fluid bolus</source>
        <translation>快速补液</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>容量 (mL)</translation>
    </message>
    <message>
        <source>the volume must be greater than 0</source>
        <translation>容量必须大于 0</translation>
    </message>
    <message>
        <source>e.g. 0.9% NaCl</source>
        <translation>例如 0.9% 氯化钠</translation>
    </message>
    <message>
        <source>Fluid</source>
        <translation>液体</translation>
    </message>
    <message>
        <source>must be below the systolic BP (%1 mmHg)</source>
        <translation>必须低于收缩压 (%1 mmHg)</translation>
    </message>
    <message>
        <source>unchanged since %1: not recorded again</source>
        <translation>自 %1 起未改变：不重复记录</translation>
    </message>
    <message>
        <source>will be recorded from this time</source>
        <translation>将从此时间起记录</translation>
    </message>
    <message>
        <source>enter the flow: it decides low- or high-flow nasal cannula</source>
        <translation>请输入氧流量：据此区分低流量或高流量鼻导管</translation>
    </message>
    <message>
        <source>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick “Hypotension confirmed” if it is not attributable to another cause.</source>
        <translation>收缩压 %1 mmHg 低于该年龄阈值 %2 mmHg：是否低血压？如不能以其他原因解释，请勾选“确认低血压”。</translation>
    </message>
    <message>
        <source>No systolic threshold is set for infants under 1 year: judge clinically.</source>
        <translation>1 岁以下婴儿未设定收缩压阈值：请临床判断。</translation>
    </message>
    <message>
        <source>A fluid bolus or vasopressor is being given: if it is for low blood pressure, tick “Hypotension confirmed”.</source>
        <translation>正在快速补液或使用升压药：如因低血压所致，请勾选“确认低血压”。</translation>
    </message>
    <message>
        <source>No vasopressor running.</source>
        <translation>当前未使用升压药。</translation>
    </message>
    <message>
        <source>NE-equivalent: cannot be calculated (weight not recorded)</source>
        <translation>去甲肾上腺素当量：无法计算 (未记录体重)</translation>
    </message>
    <message>
        <source>NE-equivalent: cannot be calculated (a unit does not apply to its drug)</source>
        <translation>去甲肾上腺素当量：无法计算 (剂量单位不适用于该药物)</translation>
    </message>
    <message>
        <source>NE-equivalent after this entry: %1 µg/min</source>
        <translation>本次录入后去甲肾上腺素当量：%1 µg/min</translation>
    </message>
    <message>
        <source>HIGH-DOSE vasopressors (CSCO-2024)</source>
        <translation>大剂量升压药 (CSCO-2024)</translation>
    </message>
    <message>
        <source>(lines with a problem are not counted)</source>
        <translation>(有问题的行未计入)</translation>
    </message>
</context>
<context>
    <name>WizardDialog</name>
    <message>
        <source>ICE assessment</source>
        <translation>ICE 评估</translation>
    </message>
    <message>
        <source>CAPD assessment</source>
        <translation>CAPD 评估</translation>
    </message>
</context>
</TS>
